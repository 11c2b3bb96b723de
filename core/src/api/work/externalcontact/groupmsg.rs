//! Mass messages to customers (群发): tasks, their members and results, reminders and cancels.

crate::endpoint! {
    area: "work";
}
