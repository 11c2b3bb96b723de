//! The emulator on its own thread, used from synchronous code.

use std::io::{Read, Write};
use std::net::TcpStream;

use wechat_emulator::{Emulator, demo};

fn http_get(addr: std::net::SocketAddr, path: &str) -> String {
    let mut stream = TcpStream::connect(addr).expect("connect");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .expect("write");
    let mut out = String::new();
    stream.read_to_string(&mut out).expect("read");
    out
}

#[test]
fn start_blocking_serves_synchronous_clients() {
    let emu = Emulator::builder().start_blocking().expect("starts");
    let answer = http_get(
        emu.addr(),
        &format!(
            "/cgi-bin/token?grant_type=client_credential&appid={}&secret={}",
            demo::APPID,
            demo::SECRET
        ),
    );
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("\"access_token\""));
    assert_eq!(emu.token_fetches(demo::APPID), 1);
    let addr = emu.addr();
    emu.shutdown_blocking();
    assert!(TcpStream::connect(addr).is_err(), "stopped listening");
}
