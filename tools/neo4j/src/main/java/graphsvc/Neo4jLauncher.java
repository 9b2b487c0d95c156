package graphsvc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Neo4j Community with a Bolt connector on a loopback port, for tests, `make neo4j` and the
 * engine bench.
 *
 * <p>Prints one line {@code READY bolt://127.0.0.1:PORT} once the default database accepts
 * queries. Stops cleanly (the store is checkpointed) on SIGTERM, SIGINT or when standard input
 * closes, so a parent that dies cannot leave the server behind.
 *
 * <p>Arguments: {@code --data DIR} (the store; required), {@code --port N} (0 picks a free
 * port), {@code --password P} (the password of user neo4j; login is required),
 * {@code --pagecache SIZE} (e.g. 256m).
 */
public final class Neo4jLauncher {

    private Neo4jLauncher() {}

    public static void main(String[] args) throws Exception {
        Path data = null;
        int port = 0;
        String password = "graphsvc-test";
        String pagecache = "256m";
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                fail("option " + args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--data" -> data = Path.of(value).toAbsolutePath();
                case "--port" -> port = Integer.parseInt(value);
                case "--password" -> password = value;
                case "--pagecache" -> pagecache = value;
                default -> fail("unknown option " + args[i]);
            }
        }
        if (data == null) {
            fail("--data DIR is required");
        }
        if (password.length() < 8) {
            fail("--password needs at least 8 characters (Neo4j's minimum)");
        }
        Files.createDirectories(data);

        DatabaseManagementService service = new DatabaseManagementServiceBuilder(data)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pagecache))
                // The tests and the bench create and drop full-text indexes often; the
                // transaction log need not be kept beyond what recovery needs.
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.shutdown();
            stopped.countDown();
        }, "neo4j-shutdown"));

        int bolt;
        try {
            setPassword(service, password);
            GraphDatabaseAPI db = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            db.executeTransactionally("RETURN 1");
            bolt = db.getDependencyResolver()
                    .resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT)
                    .getPort();
        } catch (RuntimeException e) {
            // Neo4j's own threads would keep the JVM alive without a READY line, and the parent
            // would wait for its whole timeout: end now (the shutdown hook stops Neo4j).
            e.printStackTrace();
            System.exit(1);
            return;
        }
        System.out.println("READY bolt://127.0.0.1:" + bolt);
        System.out.flush();

        Thread watcher = new Thread(() -> {
            try {
                InputStream in = System.in;
                while (in.read() != -1) {
                    // Input is ignored; only its end matters.
                }
            } catch (IOException ignored) {
                // A broken pipe is an end of input too.
            }
            System.exit(0);
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
        stopped.await();
    }

    /** Set the password of user neo4j; the embedded API acts as an administrator without login. */
    private static void setPassword(DatabaseManagementService service, String password) {
        try {
            service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    java.util.Map.of("password", password));
        } catch (QueryExecutionException e) {
            // A store kept from an earlier start (the bench's, `make neo4j`'s) already has this
            // password, and Neo4j refuses to set a password to itself.
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }

    private static void fail(String message) {
        System.err.println("neo4j launcher: " + message);
        System.exit(2);
    }
}
