package io.chainlake.orchestration;

import io.chainlake.catalog.WarehouseSession;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "build", description = "Build DWD, DWS and ADS from ODS in batch mode; reruns give the same tables.")
final class BuildCommand implements Callable<Integer> {

    @ParentCommand
    ChainlakeCli cli;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        try (WarehouseSession session = WarehouseSession.batch(cli.config())) {
            BatchBuild.run(session, System.out::println);
        }
        System.out.printf("build done in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
