package io.driftgate.cli;

import io.driftgate.db.DatabaseUrl;
import io.driftgate.failure.Activity;
import io.driftgate.redact.ProcessOutput;
import io.driftgate.redact.RedactingWriter;
import io.driftgate.redact.Secrets;
import picocli.CommandLine;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.Map;

/** {@code java -jar driftgate.jar COMMAND}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // before anything can print: the standard streams and pgjdbc's JUL logging pass the redaction
        ProcessOutput.install();
        int code = run(args);
        ProcessOutput.drain();
        System.exit(code);
    }

    /** Runs one command and returns its exit code; tests call this instead of starting a JVM. */
    public static int run(String... args) {
        return execute(commandLine(), args);
    }

    /** Registers the secrets in the arguments and environment, then runs; every run goes through here. */
    static int execute(CommandLine cli, String... args) {
        ProcessOutput.routeJavaUtilLogging();
        registerSecrets(args, System.getenv());
        try {
            return cli.execute(args);
        } catch (Error e) {
            // picocli hands exceptions to FailureHandler, but a JVM Error (out of memory, stack overflow) passes through
            // it; uncaught, the JVM would print a raw trace and exit 1, which a CI gate reads as "drift found"
            PrintWriter err = cli.getErr();
            err.println("driftgate: " + JvmErrors.sentence(e, Activity.current()));
            if (java.util.Arrays.asList(args).contains("--verbose")) {
                e.printStackTrace(err);
            }
            return ExitCodes.DATABASE;
        } finally {
            cli.getOut().flush();
            cli.getErr().flush();
        }
    }

    static CommandLine commandLine() {
        Charset charset = Charset.defaultCharset();
        return commandLine(new OutputStreamWriter(System.out, charset), new OutputStreamWriter(System.err, charset));
    }

    /** A command line whose output and error writers pass every line through {@link Secrets#redact}. */
    static CommandLine commandLine(Writer out, Writer err) {
        CommandLine cli = new CommandLine(new DriftgateCommand());
        cli.setOut(new PrintWriter(new RedactingWriter(out), true));
        cli.setErr(new PrintWriter(new RedactingWriter(err), true));
        cli.setExecutionExceptionHandler(new FailureHandler());
        cli.setParameterExceptionHandler(new FailureHandler.BadArguments());
        return cli;
    }

    /**
     * Secrets known before any parsing: {@code --password}, passwords in any URL argument, {@code PGPASSWORD}
     * and {@code DATABASE_URL}; so even a usage error that repeats an argument cannot show one.
     */
    static void registerSecrets(String[] args, Map<String, String> env) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--password") && i + 1 < args.length) {
                Secrets.register(args[i + 1]);
            } else if (arg.startsWith("--password=")) {
                Secrets.register(arg.substring("--password=".length()));
            }
            DatabaseUrl.registerSecretsIn(arg);
        }
        Secrets.register(env.get("PGPASSWORD"));
        DatabaseUrl.registerSecretsIn(env.getOrDefault("DATABASE_URL", ""));
    }
}
