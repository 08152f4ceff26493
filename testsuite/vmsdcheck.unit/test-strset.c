/* The string set: keys found again after growing, and room reserved at
 * once. */
#include "unit.h"

#include "strset.h"

#include <stdint.h>
#include <stdio.h>

int main(void)
{
    struct vmsd_strset set = { 0 };
    char key[32];

    /* Grown a key at a time: every key keeps its value. */
    for (uintptr_t i = 1; i <= 1000; i++) {
        snprintf(key, sizeof key, "name%lu", (unsigned long)i);
        vmsd_strset_add_name(&set, key)->value = (void *)i;
    }
    CHECK(set.count == 1000);
    CHECK(vmsd_strset_find_name(&set, "name777")->value == (void *)777);
    CHECK(vmsd_strset_find_name(&set, "name1001") == NULL);

    /* Reserving room in a set that has keys keeps them. */
    vmsd_strset_reserve(&set, 5000);
    CHECK(set.capacity >= 2 * 5001);
    CHECK(vmsd_strset_find_name(&set, "name1")->value == (void *)1);
    CHECK(vmsd_strset_find_name(&set, "name1000")->value == (void *)1000);
    vmsd_strset_free(&set);

    /* Room for N keys: N adds never grow the table again. */
    struct vmsd_strset reserved = { 0 };
    vmsd_strset_reserve(&reserved, 3000);
    struct vmsd_strset_slot *table = reserved.slots;
    size_t capacity = reserved.capacity;
    for (int i = 0; i < 3000; i++) {
        snprintf(key, sizeof key, "k%d", i);
        vmsd_strset_add_name(&reserved, key);
    }
    CHECK(reserved.slots == table && reserved.capacity == capacity);
    CHECK(vmsd_strset_find_name(&reserved, "k2999") != NULL);

    /* Reserving less than it has room for changes nothing. */
    vmsd_strset_reserve(&reserved, 10);
    CHECK(reserved.slots == table);
    vmsd_strset_free(&reserved);
    return 0;
}
