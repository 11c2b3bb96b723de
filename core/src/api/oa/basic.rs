//! Basic information: server IPs, network checks, quotas.

use serde::{Deserialize, Serialize};

use crate::endpoint::{Endpoint, Meta};

/// `get_api_domain_ip`: the egress IPs of `api.weixin.qq.com`, for firewalls.
#[derive(Clone, Debug, Default, Serialize)]
pub struct GetApiDomainIp {}

/// `getcallbackip`: the IPs WeChat pushes callbacks from.
#[derive(Clone, Debug, Default, Serialize)]
pub struct GetCallbackIp {}

/// A list of IP addresses.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct IpList {
    /// The addresses.
    pub ip_list: Vec<String>,
}

crate::json_response!(IpList);

crate::endpoint! {
    GetApiDomainIp => IpList {
        GET Api "/cgi-bin/get_api_domain_ip", AccessToken, Safe,
        area: "officialaccount",
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Get_the_WeChat_server_IP_address.html",
    }
    GetCallbackIp => IpList {
        GET Api "/cgi-bin/getcallbackip", AccessToken, Safe,
        area: "officialaccount",
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Get_the_WeChat_server_IP_address.html",
    }
}

pub(crate) const CATALOG: &[Meta] = &[GetApiDomainIp::META, GetCallbackIp::META];
