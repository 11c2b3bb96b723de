//! Every endpoint the SDK knows, listable at run time.

use crate::endpoint::Meta;

/// Every endpoint: area, method, host, path, credential, Rust type and document.
pub fn all() -> impl Iterator<Item = &'static Meta> {
    crate::token::endpoints::CATALOG
        .iter()
        .chain(crate::api::oa::catalog())
}

/// One line per endpoint, tab-separated: area, method, URL, credential, Rust type.
pub fn tsv(hosts: &crate::host::Hosts) -> String {
    let mut out = String::from("area\tmethod\turl\tcredential\ttype\n");
    for m in all() {
        let cred = m.credential.query_name().unwrap_or("none");
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\n",
            m.area,
            m.method.as_str(),
            hosts.url(m.host, m.path),
            cred,
            m.name
        ));
    }
    out
}
