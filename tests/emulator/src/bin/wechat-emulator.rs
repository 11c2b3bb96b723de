//! `wechat-emulator [--port P] [--host H] [--fixtures DIR]`: serve the WeChat API emulator until Ctrl-C.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::process::ExitCode;

use wechat_emulator::{Emulator, demo};

const USAGE: &str = "usage: wechat-emulator [--port P] [--host H] [--fixtures DIR]";

fn main() -> ExitCode {
    let mut host: IpAddr = Ipv4Addr::LOCALHOST.into();
    let mut port: u16 = 0;
    let mut fixtures = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = |args: &mut dyn Iterator<Item = String>| args.next();
        match arg.as_str() {
            "--port" | "-p" => match value(&mut args).and_then(|v| v.parse().ok()) {
                Some(p) => port = p,
                None => return usage_error("--port needs a number"),
            },
            "--host" => match value(&mut args).and_then(|v| v.parse().ok()) {
                Some(h) => host = h,
                None => return usage_error("--host needs an IP address"),
            },
            "--fixtures" => match value(&mut args) {
                Some(d) => fixtures = Some(d),
                None => return usage_error("--fixtures needs a directory"),
            },
            "--help" | "-h" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other => return usage_error(&format!("unknown argument {other}")),
        }
    }

    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("wechat-emulator: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async move {
        let mut builder = Emulator::builder().bind(SocketAddr::new(host, port));
        if let Some(dir) = fixtures {
            builder = builder.fixture_dir(dir);
        }
        let emu = match builder.start().await {
            Ok(emu) => emu,
            Err(e) => {
                eprintln!("wechat-emulator: cannot listen on {host}:{port}: {e}");
                return ExitCode::FAILURE;
            }
        };
        println!("WeChat API emulator listening on {}", emu.base_url());
        println!("  control API:   {}/__emulator/", emu.base_url());
        println!(
            "  demo app:      appid={} secret={}",
            demo::APPID,
            demo::SECRET
        );
        println!(
            "  demo WeCom:    corpid={} corpsecret={} agentid={}",
            demo::CORPID,
            demo::CORPSECRET,
            demo::AGENTID
        );
        println!("Press Ctrl-C to stop.");
        match emu.run_until_ctrl_c().await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("wechat-emulator: {e}");
                ExitCode::FAILURE
            }
        }
    })
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("wechat-emulator: {msg}\n{USAGE}");
    ExitCode::from(2)
}
