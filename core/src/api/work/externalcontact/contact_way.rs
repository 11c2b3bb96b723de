//! Contact ways (联系我): QR codes and mini program buttons that add a member as a contact.

crate::endpoint! {
    area: "work";
}
