//! Check-in (打卡): records, day and month reports, rules and schedules.

crate::endpoint! {
    area: "work";
}
