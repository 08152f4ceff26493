/* What counts as a file that defines a VMStateDescription: the token,
 * an identifier, then '=', in code only. */
#include "unit.h"

#include "../../tools/sourcetree.h"

#include <string.h>

static bool defines(const char *text)
{
    return sourcetree_defines_vmsd(text, strlen(text));
}

int main(void)
{
    CHECK(defines("const VMStateDescription vmstate_x = {"));
    CHECK(defines("static const VMStateDescription vmstate_x={"));
    CHECK(defines("VMStateDescription\n  x /* c */ // d\n = {"));
    CHECK(defines("VMStateDescription x\\\n = {"));
    CHECK(defines("int a = 1; VMStateDescription x = {"));

    CHECK(!defines(""));
    CHECK(!defines("VMStateDescription"));
    CHECK(!defines("VMStateDescription x"));
    CHECK(!defines("extern const VMStateDescription vmstate_x;"));
    CHECK(!defines("const VMStateDescription *p = &vmstate_x;"));
    CHECK(!defines("VMStateDescription x == y"));
    CHECK(!defines("VMStateDescriptions x = {"));
    CHECK(!defines("MyVMStateDescription x = {"));
    CHECK(!defines("VMStateDescription 1x = {"));
    CHECK(!defines("/* VMStateDescription x = { */"));
    CHECK(!defines("/* VMStateDescription x = {"));     /* never closed */
    CHECK(!defines("// VMStateDescription x = {\n"));
    CHECK(!defines("\"VMStateDescription x = {\""));
    CHECK(!defines("\"\\\" VMStateDescription x = {\""));
    CHECK(!defines("'\"' \"VMStateDescription x = {\""));
    CHECK(!defines("VMStateDescription /* x = */ ;"));
    /* A string ends at its line's end when it is not closed. */
    CHECK(defines("\"open\nVMStateDescription x = {"));

    /* The length bounds the text: nothing past it is read. */
    CHECK(!sourcetree_defines_vmsd("VMStateDescription x = {", 20));
    CHECK(sourcetree_defines_vmsd("VMStateDescription x = {", 22));
    return 0;
}
