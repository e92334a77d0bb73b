package io.stampede.runner.scenario.compile;

import io.stampede.runner.model.Problems;
import io.stampede.runner.model.spec.DefaultsSpec;
import io.stampede.runner.plugin.Plugins;
import io.stampede.runner.scenario.WaitPlan;
import io.stampede.runner.scenario.template.TemplateScope;

import java.util.List;
import java.util.Map;

/**
 * What every user class is compiled against.
 *
 * @param constants    resolved spec variables
 * @param fromEnv      the environment variable each {@code fromEnv} spec variable was read from, by variable name
 * @param waitOverride a preset's wait for every class, or null
 * @param keptRows     rows of the tasks that run
 * @param droppedRows  rows of the tasks the tag filter drops (compiled all the same, so that their mistakes are
 *                     reported and thresholds may name them)
 * @param data         the spec.data sources templates may read, by source index
 * @param setupSlots   {@code setup.NAME} for each value spec.setup extracts: the last slots of every class
 * @param attachments  where multipart files are read from
 * @param plugins      the extensions {@code ${f(...)}}, {@code sign} and {@code expect.checks} may name
 */
record CompileContext(Problems problems, Map<String, String> constants, Map<String, String> fromEnv,
                      DefaultsSpec defaults, TagFilter tags,
                      WaitPlan waitOverride, RowIndex keptRows, RowIndex droppedRows,
                      List<TemplateScope.DataColumns> data, List<String> setupSlots, Attachments attachments,
                      Plugins plugins) {
}
