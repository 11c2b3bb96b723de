//! WeChat Pay v3 (APIv3): JSON, requests signed with the merchant's RSA key in `Authorization`,
//! answers and notifications verified by WeChat Pay's key named in `Wechatpay-Serial`.

crate::api::area!(bills, certificates, refunds, transactions);
