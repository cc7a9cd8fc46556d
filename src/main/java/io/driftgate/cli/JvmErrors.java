package io.driftgate.cli;

/** A JVM error as a sentence that says where it happened and what to change. */
final class JvmErrors {

    private JvmErrors() {
    }

    static String sentence(Error e, String activity) {
        String where = " while " + lowerFirst(activity);
        if (e instanceof OutOfMemoryError) {
            return "out of memory" + where + " (" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB heap). Nothing "
                    + "unfinished was committed; raise the heap, e.g. java -Xmx2g -jar driftgate.jar …, and rerun.";
        }
        if (e instanceof StackOverflowError) {
            return "stack overflow" + where + " (a migration or expression nested very deeply). Nothing unfinished was "
                    + "committed; raise the thread stack, e.g. java -Xss16m -jar driftgate.jar …, and rerun.";
        }
        return "the JVM failed" + where + ": " + e + ". Nothing unfinished was committed. This is a bug in driftgate or the "
                + "JVM; rerun with --verbose and report it.";
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
