/* A description's struct is told only when at most 32 structs of the
   unit match its fields and at most 256 are tried (the structs holding
   its rarest member): past that it is left untold (no Y record), so a
   unit of many structs of one layout costs linear time.  Descriptions
   of the same fields are matched once and each gets the answer.  */
/* { dg-options "-fplugin-arg-vmsdcheck-facts-dir=dg-facts" } */
#include "vmstate.h"

#define EIGHT(m, n) m(n##0) m(n##1) m(n##2) m(n##3) m(n##4) m(n##5) m(n##6) m(n##7)
#define SIXTY_FOUR(m, n) EIGHT(m, n##0) EIGHT(m, n##1) EIGHT(m, n##2) \
    EIGHT(m, n##3) EIGHT(m, n##4) EIGHT(m, n##5) EIGHT(m, n##6) EIGHT(m, n##7)

/* 32 structs of one layout: told, for both descriptions of it. */
#define TOLD(n) typedef struct Told##n { uint32_t told; } Told##n;
EIGHT(TOLD, 0) EIGHT(TOLD, 1) EIGHT(TOLD, 2) EIGHT(TOLD, 3)

/* 33: untold. */
#define MANY(n) typedef struct Many##n { uint32_t many; } Many##n;
EIGHT(MANY, 0) EIGHT(MANY, 1) EIGHT(MANY, 2) EIGHT(MANY, 3) MANY(40)

/* The struct of 'near' is tried after the 255 structs that hold its
   member elsewhere, and told; 'far''s after 256, and untold. */
typedef struct Near { uint32_t near; } Near;
typedef struct Far { uint32_t far; } Far;
#define NEAR(n) typedef struct NearDecoy##n { uint32_t pad; uint32_t near; } NearDecoy##n;
#define FAR(n) typedef struct FarDecoy##n { uint32_t pad; uint32_t far; } FarDecoy##n;
SIXTY_FOUR(NEAR, 0) SIXTY_FOUR(NEAR, 1) SIXTY_FOUR(NEAR, 2)
EIGHT(NEAR, 30) EIGHT(NEAR, 31) EIGHT(NEAR, 32) EIGHT(NEAR, 33)
EIGHT(NEAR, 34) EIGHT(NEAR, 35) EIGHT(NEAR, 36)
NEAR(3700) NEAR(3701) NEAR(3702) NEAR(3703) NEAR(3704) NEAR(3705) NEAR(3706)
SIXTY_FOUR(FAR, 0) SIXTY_FOUR(FAR, 1) SIXTY_FOUR(FAR, 2) SIXTY_FOUR(FAR, 3)

#define DESC(var, label, member, type) \
    const VMStateDescription var = { \
        .name = label, \
        .fields = (const VMStateField[]) { \
            VMSTATE_UINT32(member, type), \
            VMSTATE_END_OF_LIST() \
        }, \
    };

DESC(vmstate_told_a, "told-a", told, Told00)
DESC(vmstate_told_b, "told-b", told, Told37)
DESC(vmstate_many, "many", many, Many00)
DESC(vmstate_near, "near", near, Near)
DESC(vmstate_far, "far", far, Far)

/* { dg-final { facts-count {^Y \d+ Told00 Told01 .* Told36 Told37$} 2 } } */
/* { dg-final { facts-count {^Y \d+( \S+){32}$} 2 } } */
/* { dg-final { facts-count {^Y \d+ Near$} 1 } } */
/* { dg-final { facts-count {^Y } 3 } } */
/* { dg-final { facts-count {Many} 0 } } */
/* { dg-final { facts-count {Far} 0 } } */
