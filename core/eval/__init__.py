"""Measuring against gold: TimeML files (`timeml`), TempEval-3 scores
(`tempeval`) and troop-claim scores (`claims_eval`), for the benches and tests."""
