/* An error GCC finds only as it lowers a function (here a warning made
   an error), which ends the compile before its IPA passes, where the
   plugin checks a unit: its findings still come, at the end of the
   compile.  GCC's plugin dispatch, which the plugin turns off while each
   function is lowered, must be on again by then.  */
/* { dg-options "-Werror=return-type" } */
#include "vmstate.h"

static const VMStateDescription vmstate_sipi = { /* { dg-message "note: subsection 'apic_sipi' is defined here" } */
    .name = "apic_sipi",
    /* { dg-message "note: if the name is new, rename it as suggested; if it has shipped" "" { target *-*-* } .-2 } */
};

const VMStateDescription vmstate_apic = {
    .name = "apic",
    .subsections = (const VMStateDescription * const []) {
        &vmstate_sipi,          /* { dg-warning "subsection 'apic_sipi' of 'apic' is not named 'apic' followed by '/' and a non-empty rest \\\[subsection-separator\\\]" } */
        NULL
    },
};

int last_function(int x)
{
    if (x)
        return 1;
}       /* { dg-error "control reaches end of non-void function" } */
/* { dg-message "some warnings being treated as errors" "" { target *-*-* } 0 } */
