-- Every run of every data-quality check, appended: the history analysts and operators query.
CREATE TABLE IF NOT EXISTS dq.check_result (
    run_id STRING NOT NULL COMMENT 'Quality run (one build or one quality run command)',
    layer STRING NOT NULL COMMENT 'Layer whose table is checked: ods | dwd | dws | ads',
    check_name STRING NOT NULL COMMENT 'Check file name without .sql: <table>__<check>',
    table_name STRING COMMENT 'Checked table, layer.table',
    severity STRING COMMENT 'error (fails the run and gates the layers above) | warn (reported only)',
    status STRING COMMENT 'pass | warn | fail | error (the check itself could not run)',
    observed_value DOUBLE COMMENT 'The measured value: the violation count, or the metric a metric check returns',
    threshold DOUBLE COMMENT 'Largest observed_value that still passes',
    violation_count BIGINT COMMENT 'Rows the check returned (violations)',
    sample_rows STRING COMMENT 'Up to 5 violating rows as a JSON array of objects; for status error, the error message',
    `partition` STRING COMMENT 'What was checked: all, a day (dt) or a block range',
    description STRING COMMENT 'What the check asserts',
    started_at TIMESTAMP(3) COMMENT 'UTC',
    finished_at TIMESTAMP(3) COMMENT 'UTC',
    PRIMARY KEY (run_id, layer, check_name) NOT ENFORCED
) COMMENT 'DQ: results of the data-quality checks, one row per check per run (grain: run_id x layer x check_name)'
WITH (
    'bucket' = '1'
);
