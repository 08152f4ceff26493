# make bench: the plugin's cost, compiles with the plugin against compiles
# without, side by side in one run (docs/benchmarks.md): the instructions
# of cc1 and as (cachegrind, the pair at once, once), then the CPU time
# and peak memory (interleaved medians).  Included by the Makefile.
#
#   make bench                      the generated unit, at each size and
#                                   level
#   make bench QEMU_COMPDB=/work/qemu/build/compile_commands.json
#                                   and heavy units of a QEMU build tree
#   make bench BENCH_TIME=0         instructions only
#   make bench BENCH_COUNT=0        times only (no valgrind needed)
#
# Knobs: BENCH_PLUGIN (default: this tree's plugin), BENCH_SIZES
# (descriptions in each generated unit), BENCH_LATTICES (the depths of
# the lattice units: the load-ambiguity walk's adversarial shape),
# BENCH_LEVELS (the -O options it
# is compiled at), BENCH_COUNT and BENCH_TIME (0: leave that part out),
# BENCH_LAYOUTS (the heap layouts each pair is counted under, the median
# reported: bench --layouts),
# BENCH_RUNS (timed iterations for each generated unit), BENCH_QEMU_RUNS
# (for each QEMU unit), QEMU_FILES (suffixes of QEMU "file" entries),
# BENCH_UNIT_CFLAGS (the generated unit's other flags), BENCH_PLUGIN_ARGS
# (plugin arguments without -fplugin-arg-vmsdcheck-; by default the QEMU
# allowlist, as README.md configures QEMU), BENCH_ARGS (more arguments
# for bench/bench, e.g. --warmup 2).

BENCH_PLUGIN ?= plugin/vmsdcheck.so
BENCH_SIZES ?= 500 2000 5000 20000
BENCH_LATTICES ?= 18 1000
BENCH_LEVELS ?= -O0 -O2
BENCH_COUNT ?= 1
BENCH_TIME ?= 1
BENCH_LAYOUTS ?= 3
BENCH_RUNS ?= 21
BENCH_QEMU_RUNS ?= 15
BENCH_UNIT_CFLAGS ?= -Wall
BENCH_PLUGIN_ARGS ?= $(addprefix db=,$(wildcard $(abs_srcdir)/compat-db/qemu.json))
BENCH_ARGS ?=
QEMU_COMPDB ?=
# Heavy units with descriptions, target/i386/machine.c (the one with the
# most descriptions), and target/i386/tcg/translate.c: a very heavy unit
# without any, where the plugin can only cost.  All in an x86_64 build.
QEMU_FILES ?= hw/display/cirrus_vga.c hw/virtio/virtio.c \
	hw/net/virtio-net.c migration/savevm.c hw/sd/sd.c \
	target/i386/machine.c target/i386/tcg/translate.c

BENCH_WORK = bench/work
BENCH_UNITS = $(foreach n,$(BENCH_SIZES),$(BENCH_WORK)/unit-$(n).c) \
	$(foreach n,$(BENCH_LATTICES),$(BENCH_WORK)/lattice-$(n).c)

BENCH_OBJS = bench/main.o bench/command.o bench/units.o bench/measure.o \
	bench/count.o bench/stats.o bench/report.o
GEN_BENCH_UNIT_OBJS = bench/gen-bench-unit.o bench/command.o
# The facts generator writes with the core's facts writer.
GEN_FACTS_OBJS = bench/gen-facts.o bench/command.o

bench/%.o: bench/%.c
	$(MKDIR_OUT)
	$(CC) $(CPPFLAGS) $(CORE_CFLAGS) -MMD -MP -c $< -o $@

# Each links the core's library: the linker takes what it uses.
bench/bench: $(BENCH_OBJS) $(CORE_LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(JANSSON_LIBS)

bench/gen-bench-unit: $(GEN_BENCH_UNIT_OBJS) $(CORE_LIB)
	$(CC) $(LDFLAGS) -o $@ $^

bench/gen-facts: $(GEN_FACTS_OBJS) $(CORE_LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(JANSSON_LIBS)

$(BENCH_WORK)/unit-%.c: bench/gen-bench-unit
	@mkdir -p $(BENCH_WORK)
	bench/gen-bench-unit -o $@ $*

$(BENCH_WORK)/lattice-%.c: bench/gen-bench-unit
	@mkdir -p $(BENCH_WORK)
	bench/gen-bench-unit -o $@ --lattice $*

bench-tools: bench/bench bench/gen-bench-unit bench/gen-facts

# Each generated unit at each level, then the QEMU units.
bench: bench/bench $(BENCH_UNITS) $(BENCH_PLUGIN)
	bench/bench --runs $(BENCH_RUNS) --compdb-runs $(BENCH_QEMU_RUNS) \
		--layouts $(BENCH_LAYOUTS) \
		$(if $(filter 0,$(BENCH_COUNT)),--no-count) \
		$(if $(filter 0,$(BENCH_TIME)),--no-time) \
		--plugin $(abspath $(BENCH_PLUGIN)) --cc "$(CC)" \
		$(addprefix --plugin-arg ,$(BENCH_PLUGIN_ARGS)) \
		$(foreach unit,$(BENCH_UNITS),$(foreach level,$(BENCH_LEVELS), \
			--unit $(unit) --cflags \
			"$(level) $(BENCH_UNIT_CFLAGS) -I$(abs_srcdir)/include")) \
		$(if $(QEMU_COMPDB),--compdb $(QEMU_COMPDB) \
			$(addprefix --file ,$(QEMU_FILES))) \
		$(BENCH_ARGS)

clean-bench:
	rm -f bench/bench bench/gen-bench-unit bench/gen-facts bench/*.o bench/*.d
	rm -rf $(BENCH_WORK)

# The tool's cost against its input's size (linear: docs/scaling.md).
bench-scaling: tools/vmsdcheck bench/gen-facts
	$(srcdir)/bench/bench-scaling

.PHONY: bench bench-tools bench-scaling clean-bench

-include bench/*.d
