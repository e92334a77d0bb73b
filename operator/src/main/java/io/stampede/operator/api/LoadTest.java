package io.stampede.operator.api;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.PrinterColumnFormat;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A load test as a Kubernetes resource: the same document {@code stampede run} reads on a laptop. The CRD in
 * {@code crds/} is generated from this class and the classes of its fields. The spec is the user's; the status
 * is written by the operator only.
 */
@Group(LoadTest.GROUP)
@Version(LoadTest.VERSION)
@Plural("loadtests")
@ShortNames({"slt"}) // not "lt": Kangal's LoadTest has it
@Categories({"stampede", "loadtests"})
// kubectl shows columns in the order of the CRD; the generator sorts them by JSON path, so the committed CRD in
// crds/ has them reordered to the order below (CrdPrinterColumns in the operator's tests), which users read.
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Users", jsonPath = ".status.progress.users", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "RPS", jsonPath = ".status.progress.rps", type = AdditionalPrinterColumn.Type.NUMBER,
        getDescription = "requests per second over the last 10 s")
@AdditionalPrinterColumn(name = "P95(ms)", jsonPath = ".status.progress.p95Ms", type = AdditionalPrinterColumn.Type.NUMBER,
        getDescription = "95th percentile latency of the run so far, in milliseconds")
@AdditionalPrinterColumn(name = "Failures", jsonPath = ".status.progress.failures",
        type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Workers", jsonPath = ".status.workers.connected",
        type = AdditionalPrinterColumn.Type.INTEGER, getDescription = "workers connected to the master")
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE, format = PrinterColumnFormat.DATE_TIME)
@AdditionalPrinterColumn(name = "Message", jsonPath = ".status.message", type = AdditionalPrinterColumn.Type.STRING,
        priority = 1, getDescription = "what happened last, in words")
public class LoadTest extends CustomResource<LoadTestSpec, LoadTestStatus> implements Namespaced {

    public static final String GROUP = "stampede.io";
    public static final String VERSION = "v1alpha1";
    public static final String API_VERSION = GROUP + "/" + VERSION;
    public static final String KIND = "LoadTest";
}
