pub mod common;

mod business;
mod callbacks;
mod control_api;
mod counters;
mod faults;
mod kf;
mod open_platform;
mod pay_v3;
mod suite_installs;
mod tokens;
mod work;
