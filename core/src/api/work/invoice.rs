//! Reimbursement invoices (电子发票): read invoices and set their reimbursement status.

crate::endpoint! {
    area: "work";
}
