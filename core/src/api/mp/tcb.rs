//! Cloud base (云开发, tcb): cloud functions, database, files and migrations.

crate::endpoint! {
    area: "miniprogram";
}
