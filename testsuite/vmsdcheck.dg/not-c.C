// C++ units leave the plugin quiet: no diagnostics, no crash.
struct VMStateDescription {
    const char *name;
    const VMStateDescription *const *subsections;
};

static const VMStateDescription vmstate_sipi = { "apic_sipi", nullptr };
static const VMStateDescription *const apic_subsections[] = { &vmstate_sipi, nullptr };
const VMStateDescription vmstate_apic = { "apic", apic_subsections };   // { dg-bogus "warning" }
