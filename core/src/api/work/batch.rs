//! Asynchronous contact jobs (异步批量接口): invite, sync or replace members and departments, job results.

crate::endpoint! {
    area: "work";
}
