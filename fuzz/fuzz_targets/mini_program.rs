//! Mini Program encryptedData decryption on arbitrary inputs (split on NUL bytes), and on
//! arbitrary plaintexts encrypted with a fixed key.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wechat_core::callback::mini_program::{decrypt_encrypted_data, encrypt_data};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut parts = text.splitn(3, '\0');
    let (a, b, c) = (
        parts.next().unwrap_or(""),
        parts.next().unwrap_or(""),
        parts.next().unwrap_or(""),
    );
    let _ = decrypt_encrypted_data(a, b, c, "wx4f4bc4dec97d474b");
    let key = "tiihtNczf5v6AKRyjwEUhQ==";
    let iv = "r7BXXKkLb8qrSNn05n0qiA==";
    let sealed = encrypt_data(key, iv, data).expect("valid key");
    let _ = decrypt_encrypted_data(key, &sealed, iv, "wx4f4bc4dec97d474b");
});
