"""Locust users for bench/run.sh: the same GET /hello as the Stampede load tests.

FastConst: no think time (target 1). FastIdle: 1-2 s think time (target 2). Both use FastHttpUser, Locust's
fastest HTTP client, so the comparison is with Locust at its best.
"""
from locust import FastHttpUser, between, constant, task


class FastConst(FastHttpUser):
    wait_time = constant(0)

    @task
    def hello(self):
        self.client.get("/hello")


class FastIdle(FastHttpUser):
    wait_time = between(1, 2)

    @task
    def hello(self):
        self.client.get("/hello")
