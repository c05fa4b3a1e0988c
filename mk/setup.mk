# Dependencies: `make setup` always runs scripts/setup.sh; `make setup-check` runs
# it only when something is missing (the quick --check finds nothing to do).
# `make setup-ecp5` makes .venv with the yowasp ECP5 place-and-route (make synth).
.PHONY: setup setup-check setup-ecp5
setup:
	bash scripts/setup.sh

setup-check:
	@bash scripts/setup.sh --check >/dev/null 2>&1 || bash scripts/setup.sh

setup-ecp5:
	@bash scripts/setup.sh --check --ecp5 >/dev/null 2>&1 || bash scripts/setup.sh --ecp5
