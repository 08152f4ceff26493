# Placeholder: filled in by the benchmark work.
bench:
	@echo "no benchmark yet"; exit 1
.PHONY: bench
