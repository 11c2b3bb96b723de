//! The reqwest adapter end to end against the WeChat API emulator, one test binary: plain calls
//! and tokens, the Open Platform and WeCom suite journeys, WeChat Pay v2 and v3. (Tracing checks
//! live in `tracing.rs`, a binary of its own: their subscriber is global.)

mod emulator;
mod open_platform;
mod pay;
mod support;
mod work_suite;
