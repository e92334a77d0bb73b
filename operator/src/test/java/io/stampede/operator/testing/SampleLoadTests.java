package io.stampede.operator.testing;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.stampede.operator.api.LoadTest;

/** LoadTests as users write them, parsed from YAML the way kubectl would send them. */
public final class SampleLoadTests {

    private static final KubernetesSerialization YAML = new KubernetesSerialization();

    /** The shop scenario: login with a password from a Secret, two tasks, 2 workers, a p95 threshold. */
    public static final String SHOP = """
            apiVersion: stampede.io/v1alpha1
            kind: LoadTest
            metadata:
              name: NAME
            spec:
              target: http://shop.staging.svc:8080
              load: {users: 10, spawnRate: 2, duration: 1m}
              workers: 2
              variables:
                password: {fromEnv: SHOP_PASSWORD}
              env:
                - name: SHOP_PASSWORD
                  valueFrom: {secretKeyRef: {name: shop-credentials, key: password}}
              userClasses:
                - name: shopper
                  wait: {between: [1s, 3s]}
                  onStart:
                    - request: {method: POST, path: /api/auth/login, json: {email: "user${userId}@example.com", password: "${password}"}}
                      extract: {token: {jsonPath: $.access_token}}
                  reauthOn: [401]
                  headers: {Authorization: "Bearer ${token}"}
                  tasks:
                    - {name: list products, weight: 5, request: {method: GET, path: "/api/products?page=${randomInt(1,20)}"}}
                    - {name: view product, weight: 3, request: {method: GET, path: "/api/products/${randomInt(1,1000)}", name: "/api/products/{id}"}}
              thresholds:
                - expr: p95 < 500ms
            """;

    private SampleLoadTests() {
    }

    public static LoadTest shop(String name) {
        return parse(SHOP.replace("NAME", name));
    }

    public static LoadTest parse(String yaml) {
        return YAML.unmarshal(yaml, LoadTest.class);
    }
}
