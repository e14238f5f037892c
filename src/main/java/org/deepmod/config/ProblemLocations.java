package org.deepmod.config;

import java.util.List;

/**
 * Turns a run-config problem ({@code network.hidden[1]: -1 is out of range}) into one that names its place in
 * the sweep file: under the axis value that set it ({@code axes.network.hidden[2]: network.hidden[1]: ...})
 * or in the base ({@code base.network.hidden[1]: ...}).
 */
final class ProblemLocations {
    private ProblemLocations() {
    }

    /** An axis value applied to a run: the axis and the index of its value. */
    record Assignment(SweepAxis axis, int index) {
    }

    /** The config path a problem starts with (run-config problems always start with {@code path: }). */
    static String pathOf(String problem) {
        int colon = problem.indexOf(": ");
        return colon < 0 ? "" : problem.substring(0, colon);
    }

    /** True when {@code path} is {@code axisPath} or lies inside it ({@code network.hidden[1]} in {@code network}). */
    static boolean isUnder(String path, String axisPath) {
        return path.equals(axisPath) || path.startsWith(axisPath + ".") || path.startsWith(axisPath + "[");
    }

    static String inBase(String problem) {
        return problem.startsWith("(top level)") ? "base" + problem.substring("(top level)".length())
                : "base." + problem;
    }

    /**
     * Places a problem that the base alone does not have: under the innermost axis whose path holds the
     * problem's path; failing that (an estimator parameter set by an axis is reported at
     * {@code estimator.name}), under the axes of the same config section; failing that, under every axis
     * value of the run, since it is their combination that is wrong.
     */
    static String locate(String problem, List<Assignment> run) {
        String path = pathOf(problem);
        Assignment best = null;
        for (Assignment a : run) {
            if (isUnder(path, a.axis().path())
                    && (best == null || a.axis().path().length() > best.axis().path().length())) {
                best = a;
            }
        }
        if (best != null) {
            return best.axis().locationOf(best.index()) + ": " + problem;
        }
        String section = firstKey(path);
        StringBuilder where = new StringBuilder();
        for (Assignment a : run) {
            if (firstKey(a.axis().path()).equals(section)) {
                where.append(where.length() == 0 ? "" : " with ").append(a.axis().locationOf(a.index()));
            }
        }
        if (where.length() == 0) {
            for (Assignment a : run) {
                where.append(where.length() == 0 ? "" : " with ").append(a.axis().locationOf(a.index()));
            }
        }
        return (where.length() == 0 ? "base" : where.toString()) + ": " + problem;
    }

    private static String firstKey(String path) {
        int end = path.length();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.' || c == '[') {
                end = i;
                break;
            }
        }
        return path.substring(0, end);
    }
}
