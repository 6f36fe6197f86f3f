//! Scratch (not committed).
#![allow(clippy::print_stdout)]
fn main() {
    for text in [
        "Hillary Clinton spoke on Monday.\n\n\"We will win this state by a wide margin,\" said Clinton ally James Carville.",
        "Hillary Clinton spoke on Monday.\n\n\"We will win this state by a wide margin,\" said Clinton spokesman Brian Fallon.",
        "Donald Trump spoke on Monday.\n\nTrump adviser Stephen Miller said, \"We will win this state by a wide margin.\"",
        "Donald Trump spoke on Monday.\n\n\"We will win this state by a wide margin,\" Trump adviser Stephen Miller told reporters.",
        "Bill Clinton spoke on Monday.\n\n\"David is a longtime friend of mine,\" said Clinton ally James Carville.",
    ] {
        for q in newsbrief::find_quotations(text) {
            println!("{:?} -> {:?}", &q.text[..20], q.speaker.map(|s| (s.name, s.text, s.via)));
        }
    }
}
