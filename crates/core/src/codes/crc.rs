//! CRC-32, the checksum of result codes and the fingerprint of question banks.

/// CRC-32 (IEEE 802.3, as in zip and PNG), four bits at a time: a 64-byte
/// table instead of 1 KiB in the wasm file.
pub fn crc32(parts: &[&[u8]]) -> u32 {
    const TABLE: [u32; 16] = {
        let mut t = [0u32; 16];
        let mut i = 0;
        while i < 16 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 4 {
                c = if c & 1 == 1 {
                    (c >> 1) ^ 0xEDB8_8320
                } else {
                    c >> 1
                };
                k += 1;
            }
            t[i] = c;
            i += 1;
        }
        t
    };
    let mut crc = !0u32;
    for part in parts {
        for &b in *part {
            crc ^= u32::from(b);
            crc = (crc >> 4) ^ TABLE[(crc & 15) as usize];
            crc = (crc >> 4) ^ TABLE[(crc & 15) as usize];
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::crc32;

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(&[b"123456789"]), 0xCBF4_3926);
        assert_eq!(crc32(&[b"1234", b"56789"]), 0xCBF4_3926);
        assert_eq!(crc32(&[]), 0);
    }
}
