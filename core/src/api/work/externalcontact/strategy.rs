//! Customer strategies (客户联系规则组): which members may do what with customers.

crate::endpoint! {
    area: "work";
}
