# Dependencies: `make setup` always runs scripts/setup.sh; `make setup-check` runs
# it only when something is missing (the quick --check finds nothing to do).
# `make setup-ecp5` makes .venv with the yowasp ECP5 place-and-route (make synth),
# `make setup-fusesoc` puts fusesoc into it (nicrx.core, tests/t_fusesoc.sh).
.PHONY: setup setup-check setup-ecp5 setup-fusesoc
setup:
	bash scripts/setup.sh

setup-check:
	@bash scripts/setup.sh --check >/dev/null 2>&1 || bash scripts/setup.sh

setup-ecp5:
	@bash scripts/setup.sh --check --ecp5 >/dev/null 2>&1 || bash scripts/setup.sh --ecp5

setup-fusesoc:
	@bash scripts/setup.sh --check --fusesoc >/dev/null 2>&1 || bash scripts/setup.sh --fusesoc
