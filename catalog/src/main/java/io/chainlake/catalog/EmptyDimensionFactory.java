package io.chainlake.catalog;

import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.ProviderContext;
import org.apache.flink.table.connector.source.DataStreamScanProvider;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.LookupTableSource;
import org.apache.flink.table.connector.source.ScanTableSource;
import org.apache.flink.table.connector.source.TableFunctionProvider;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.factories.DynamicTableSourceFactory;
import org.apache.flink.table.functions.TableFunction;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;

/**
 * Connector {@value #IDENTIFIER}: a dimension table with no rows that can be scanned and looked up. The runtime
 * swaps it in for a JDBC dimension whose MySQL server cannot be reached, so jobs that join it (regular or lookup
 * joins) still plan and run, with NULL dimension columns.
 */
public final class EmptyDimensionFactory implements DynamicTableSourceFactory {

    public static final String IDENTIFIER = "chainlake-empty-dimension";

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of();
    }

    @Override
    public DynamicTableSource createDynamicTableSource(Context context) {
        return new Source(context.getPhysicalRowDataType());
    }

    private record Source(DataType rowType) implements ScanTableSource, LookupTableSource {

        @Override
        public ChangelogMode getChangelogMode() {
            return ChangelogMode.insertOnly();
        }

        @Override
        public ScanRuntimeProvider getScanRuntimeProvider(ScanContext context) {
            TypeInformation<RowData> type = InternalTypeInfo.of((RowType) rowType.getLogicalType());
            return new DataStreamScanProvider() {
                @Override
                public DataStream<RowData> produceDataStream(ProviderContext provider, StreamExecutionEnvironment env) {
                    // fromData of an empty collection fails at run time; one number filtered out gives no rows
                    return env.fromSequence(0, 0).filter(n -> false).map(n -> (RowData) null).returns(type);
                }

                @Override
                public boolean isBounded() {
                    return true;
                }
            };
        }

        @Override
        public LookupRuntimeProvider getLookupRuntimeProvider(LookupContext context) {
            return TableFunctionProvider.of(new NoMatch());
        }

        @Override
        public DynamicTableSource copy() {
            return new Source(rowType);
        }

        @Override
        public String asSummaryString() {
            return IDENTIFIER;
        }
    }

    /** A lookup that never finds a row. */
    public static final class NoMatch extends TableFunction<RowData> {
        public void eval(Object... keys) {
            // no rows: the dimension is unavailable
        }
    }
}
