-- Every decodable raw share message, typed (decode_pool_share: the ODS codecs; refused messages give no row and
-- sit in ods.pool_share_reject), with the processing time the MySQL lookup joins need. The same text reads the
-- Paimon table in batch and follows it in streaming, so a Kafka-fed ods.pool_share_raw decodes the same way.
CREATE TEMPORARY VIEW pool_share_decoded AS
SELECT
    r.source_name,
    r.source_partition,
    r.source_offset,
    d.worker_id,
    d.user_id,
    d.status,
    d.share_time,
    d.ip,
    d.job_id,
    d.share_diff,
    d.blk_bits,
    d.height,
    d.nonce,
    d.session_id,
    d.version_mask,
    d.ext_user_id,
    d.bits_reached,
    PROCTIME() AS proc_time
FROM ods.pool_share_raw AS r,
    LATERAL TABLE(decode_pool_share(r.encoding, r.payload)) AS d (
        version,
        worker_id,
        user_id,
        status,
        share_time,
        ip,
        job_id,
        share_diff,
        blk_bits,
        height,
        nonce,
        session_id,
        version_mask,
        ext_user_id,
        bits_reached
    );
