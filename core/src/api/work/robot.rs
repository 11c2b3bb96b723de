//! Group robots (群机器人): webhook messages and file uploads, authorized by the webhook key.

crate::endpoint! {
    area: "work";
}
