fn main() {
    let a = 645.0895479194721; let n = 646.0;
    let c = ccplan_engine::erlang_c::evaluate(a, n, 300.0, 0.0).unwrap();
    println!("{c:?}");
    for p in [3e5, 3e7, 3e9, 3e11] {
        let x = ccplan_engine::erlang_a::evaluate(a, n, 300.0, p, 0.0).unwrap();
        println!("{p} {x:?}");
    }
}
