//! Moments (客户朋友圈): tasks, lists, comments, customers, results and moment strategies.

crate::endpoint! {
    area: "work";
}
