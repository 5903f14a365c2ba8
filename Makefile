# contact_partner_sync — every target prepares what is missing first (see tools/dev.sh)
.PHONY: help setup run test lint bench load stop
help:
	@sed -n '2,21p' tools/dev.sh | sed 's/^# \{0,1\}//'

setup:   ## Debian packages, Odoo source, virtualenv, PostgreSQL cluster
	@bash tools/dev.sh setup
run:     ## serve the demo database on http://localhost:8069 (admin / admin)
	@bash tools/dev.sh run
test:    ## lint, install on a throwaway database, Odoo runner + pytest-odoo
	@bash tools/dev.sh test
lint:    ## ruff and pylint-odoo
	@bash tools/dev.sh lint
bench:   ## benchmark against plain Odoo (not part of the tests)
	@bash tools/dev.sh bench
load:    ## load test through real Odoo workers (not part of the tests)
	@bash tools/dev.sh load
stop:    ## stop the private PostgreSQL cluster
	@bash tools/dev.sh stop
