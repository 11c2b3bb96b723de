//! Statistics (统计管理): per corp and per servicer, and the corp's qualification.

crate::endpoint! {
    area: "work";
}
