//! Integration tests: the emulator over real HTTP on loopback.

mod it;
