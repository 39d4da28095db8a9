"""Short articles of an invented town paper, the Valley Courier, written for these tests."""

from __future__ import annotations

FERRY = (
    "Harbour ferry returns after winter repairs",
    "Mara Quinn",
    [
        "The small ferry that links the harbour to Gull Island will carry passengers again from Monday.",
        "Its hull was stripped, checked and painted over the winter, and a quieter engine was fitted.",
        "The skipper said the first crossing would leave at seven, with six crossings a day after it.",
        "Fares stay as they were last year, and children under five still travel free.",
    ],
)
LIBRARY = (
    "Library opens an evening reading room",
    "Tomas Berg",
    [
        "The town library will keep its upstairs reading room open until nine on weekday evenings.",
        "Volunteers offered to staff the late hours after a survey showed that students wanted them.",
        "The room has twenty desks, good lamps and, from next month, a shelf of local newspapers.",
    ],
)
CYCLE = (
    "Cycle lane on Mill Road to be widened",
    "Ines Okafor",
    [
        "The council approved plans on Tuesday to widen the painted cycle lane along Mill Road.",
        "Work will start after the school holidays and take about three weeks, one side at a time.",
        "Parking on the east side will move to the side streets while the lane is being rebuilt.",
    ],
)
ORCHARD = (
    "Community orchard plants its first apple trees",
    "Mara Quinn",
    [
        "Forty volunteers planted the first twelve apple trees of the new community orchard on Saturday.",
        "The land beside the old station was cleared last autumn and the soil tested in the spring.",
        "Pears and plums will follow next year, and anyone may pick the fruit once the trees bear it.",
    ],
)
MARKET = (
    "Night market returns to the old square",
    "Tomas Berg",
    [
        "The night market will return to the old square on the first Friday of every month.",
        "Thirty stalls have signed up so far, selling food, plants, books and second-hand tools.",
        "The square will be closed to cars from five in the evening until midnight on market nights.",
    ],
)
