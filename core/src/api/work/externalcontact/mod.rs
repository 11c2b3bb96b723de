//! WeCom customer contact (客户联系, `externalcontact`).

crate::api::area! {
    acquisition,
    behavior,
    contact_way,
    customer,
    groupchat,
    groupmsg,
    moment,
    strategy,
    tag,
    transfer,
    welcome,
}
