//! The knowledge base (知识库): groups and intents.

crate::endpoint! {
    area: "work";
}
