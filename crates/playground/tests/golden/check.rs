// The labs' native golden tests' one loop, shared by crates/playground/tests/sequence_golden.rs,
// words_golden.rs and attention_golden.rs: each link of a table trained again, compared bit for
// bit, and printed as a new row when GOLDEN_PRINT is set.

/// The links of `table` (link, updates, train and test loss bits, weight hash) whose numbers
/// `trained` no longer gives; with `GOLDEN_PRINT` set, prints every link's row as it is now,
/// to paste into the table.
fn changed_links(
    table: &[(&'static str, u64, u32, u32, u64)],
    trained: impl Fn(&str, u64) -> (u32, u32, u64),
) -> Vec<&'static str> {
    let print = std::env::var_os("GOLDEN_PRINT").is_some();
    let mut wrong = Vec::new();
    for &(link, steps, train, test, weights) in table {
        let got @ (got_train, got_test, got_weights) = trained(link, steps);
        assert!(
            f32::from_bits(got_train).is_finite(),
            "{link}: train loss not finite"
        );
        if print {
            println!(
                "    ({link:?}, {steps}, {got_train:#010x}, {got_test:#010x}, {got_weights:#018x}),"
            );
        }
        if got != (train, test, weights) {
            wrong.push(link);
        }
    }
    wrong
}
