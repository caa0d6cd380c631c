// The CAMEO event codes and their names, as data.
//
// Source: Schrodt, P. A. (2012), *CAMEO Conflict and Mediation Event Observations Event and
// Actor Codebook*, version 1.1b3, Pennsylvania State University (http://data.gdeltproject.org/
// documentation/CAMEO.Manual.1.1b3.pdf), chapter 2: every event code (20 roots, their base
// codes and sub-codes) with its name. The same list is what GDELT publishes as its lookup
// `CAMEO.eventcodes.txt`.
//
// How this file was produced: the code/name pairs of the codebook were transcribed as they
// stand, one per line, then normalised by hand in four ways only: the first letter is lower
// case and the roots' capitals are written as words (`REDUCE RELATIONS` → `reduce relations`);
// runs of spaces are one space; three typing slips of the lookup file are corrected (`matyerial`
// → `material`, `radiologicalweapons` → `radiological weapons`, 1056 and 106 run together on
// one line); the quad classes (1–4, which are not event codes) are left out. A test checks
// that the table holds the 20 roots, that every code's root is present, and that codes are
// unique.

extension EventCodes {
  /// `code<TAB>name` per line, in the codebook's order.
  static let cameoTable = """
    01\tmake public statement
    010\tmake statement, not specified below
    011\tdecline comment
    012\tmake pessimistic comment
    013\tmake optimistic comment
    014\tconsider policy option
    015\tacknowledge or claim responsibility
    016\tdeny responsibility
    017\tengage in symbolic act
    018\tmake empathetic comment
    019\texpress accord
    02\tappeal
    020\tappeal, not specified below
    021\tappeal for material cooperation, not specified below
    0211\tappeal for economic cooperation
    0212\tappeal for military cooperation
    0213\tappeal for judicial cooperation
    0214\tappeal for intelligence
    022\tappeal for diplomatic cooperation, such as policy support
    023\tappeal for aid, not specified below
    0231\tappeal for economic aid
    0232\tappeal for military aid
    0233\tappeal for humanitarian aid
    0234\tappeal for military protection or peacekeeping
    024\tappeal for political reform, not specified below
    0241\tappeal for change in leadership
    0242\tappeal for policy change
    0243\tappeal for rights
    0244\tappeal for change in institutions, regime
    025\tappeal to yield
    0251\tappeal for easing of administrative sanctions
    0252\tappeal for easing of popular dissent
    0253\tappeal for release of persons or property
    0254\tappeal for easing of economic sanctions, boycott, or embargo
    0255\tappeal for target to allow international involvement (non-mediation)
    0256\tappeal for de-escalation of military engagement
    026\tappeal to others to meet or negotiate
    027\tappeal to others to settle dispute
    028\tappeal to others to engage in or accept mediation
    03\texpress intent to cooperate
    030\texpress intent to cooperate, not specified below
    031\texpress intent to engage in material cooperation, not specified below
    0311\texpress intent to cooperate economically
    0312\texpress intent to cooperate militarily
    0313\texpress intent to cooperate on judicial matters
    0314\texpress intent to cooperate on intelligence
    032\texpress intent to provide diplomatic cooperation such as policy support
    033\texpress intent to provide material aid, not specified below
    0331\texpress intent to provide economic aid
    0332\texpress intent to provide military aid
    0333\texpress intent to provide humanitarian aid
    0334\texpress intent to provide military protection or peacekeeping
    034\texpress intent to institute political reform, not specified below
    0341\texpress intent to change leadership
    0342\texpress intent to change policy
    0343\texpress intent to provide rights
    0344\texpress intent to change institutions, regime
    035\texpress intent to yield, not specified below
    0351\texpress intent to ease administrative sanctions
    0352\texpress intent to ease popular dissent
    0353\texpress intent to release persons or property
    0354\texpress intent to ease economic sanctions, boycott, or embargo
    0355\texpress intent to allow international involvement (not mediation)
    0356\texpress intent to de-escalate military engagement
    036\texpress intent to meet or negotiate
    037\texpress intent to settle dispute
    038\texpress intent to accept mediation
    039\texpress intent to mediate
    04\tconsult
    040\tconsult, not specified below
    041\tdiscuss by telephone
    042\tmake a visit
    043\thost a visit
    044\tmeet at a "third" location
    045\tmediate
    046\tengage in negotiation
    05\tengage in diplomatic cooperation
    050\tengage in diplomatic cooperation, not specified below
    051\tpraise or endorse
    052\tdefend verbally
    053\trally support on behalf of
    054\tgrant diplomatic recognition
    055\tapologize
    056\tforgive
    057\tsign formal agreement
    06\tengage in material cooperation
    060\tengage in material cooperation, not specified below
    061\tcooperate economically
    062\tcooperate militarily
    063\tengage in judicial cooperation
    064\tshare intelligence or information
    07\tprovide aid
    070\tprovide aid, not specified below
    071\tprovide economic aid
    072\tprovide military aid
    073\tprovide humanitarian aid
    074\tprovide military protection or peacekeeping
    075\tgrant asylum
    08\tyield
    080\tyield, not specified below
    081\tease administrative sanctions, not specified below
    0811\tease restrictions on political freedoms
    0812\tease ban on political parties or politicians
    0813\tease curfew
    0814\tease state of emergency or martial law
    082\tease political dissent
    083\taccede to requests or demands for political reform, not specified below
    0831\taccede to demands for change in leadership
    0832\taccede to demands for change in policy
    0833\taccede to demands for rights
    0834\taccede to demands for change in institutions, regime
    084\treturn, release, not specified below
    0841\treturn, release person(s)
    0842\treturn, release property
    085\tease economic sanctions, boycott, embargo
    086\tallow international involvement, not specified below
    0861\treceive deployment of peacekeepers
    0862\treceive inspectors
    0863\tallow delivery of humanitarian aid
    087\tde-escalate military engagement
    0871\tdeclare truce, ceasefire
    0872\tease military blockade
    0873\tdemobilize armed forces
    0874\tretreat or surrender militarily
    09\tinvestigate
    090\tinvestigate, not specified below
    091\tinvestigate crime, corruption
    092\tinvestigate human rights abuses
    093\tinvestigate military action
    094\tinvestigate war crimes
    10\tdemand
    100\tdemand, not specified below
    101\tdemand information, investigation
    1011\tdemand economic cooperation
    1012\tdemand military cooperation
    1013\tdemand judicial cooperation
    1014\tdemand intelligence cooperation
    102\tdemand policy support
    103\tdemand aid, protection, or peacekeeping
    1031\tdemand economic aid
    1032\tdemand military aid
    1033\tdemand humanitarian aid
    1034\tdemand military protection or peacekeeping
    104\tdemand political reform, not specified below
    1041\tdemand change in leadership
    1042\tdemand policy change
    1043\tdemand rights
    1044\tdemand change in institutions, regime
    105\tdemand mediation
    1051\tdemand easing of administrative sanctions
    1052\tdemand easing of political dissent
    1053\tdemand release of persons or property
    1054\tdemand easing of economic sanctions, boycott, or embargo
    1055\tdemand that target allows international involvement (non-mediation)
    1056\tdemand de-escalation of military engagement
    106\tdemand withdrawal
    107\tdemand ceasefire
    108\tdemand meeting, negotiation
    11\tdisapprove
    110\tdisapprove, not specified below
    111\tcriticize or denounce
    112\taccuse, not specified below
    1121\taccuse of crime, corruption
    1122\taccuse of human rights abuses
    1123\taccuse of aggression
    1124\taccuse of war crimes
    1125\taccuse of espionage, treason
    113\trally opposition against
    114\tcomplain officially
    115\tbring lawsuit against
    116\tfind guilty or liable (legally)
    12\treject
    120\treject, not specified below
    121\treject material cooperation
    1211\treject economic cooperation
    1212\treject military cooperation
    122\treject request or demand for material aid, not specified below
    1221\treject request for economic aid
    1222\treject request for military aid
    1223\treject request for humanitarian aid
    1224\treject request for military protection or peacekeeping
    123\treject request or demand for political reform, not specified below
    1231\treject request for change in leadership
    1232\treject request for policy change
    1233\treject request for rights
    1234\treject request for change in institutions, regime
    124\trefuse to yield, not specified below
    1241\trefuse to ease administrative sanctions
    1242\trefuse to ease popular dissent
    1243\trefuse to release persons or property
    1244\trefuse to ease economic sanctions, boycott, or embargo
    1245\trefuse to allow international involvement (non mediation)
    1246\trefuse to de-escalate military engagement
    125\treject proposal to meet, discuss, or negotiate
    126\treject mediation
    127\treject plan, agreement to settle dispute
    128\tdefy norms, law
    129\tveto
    13\tthreaten
    130\tthreaten, not specified below
    131\tthreaten non-force, not specified below
    1311\tthreaten to reduce or stop aid
    1312\tthreaten to boycott, embargo, or sanction
    1313\tthreaten to reduce or break relations
    132\tthreaten with administrative sanctions, not specified below
    1321\tthreaten to impose restrictions on political freedoms
    1322\tthreaten to ban political parties or politicians
    1323\tthreaten to impose curfew
    1324\tthreaten to impose state of emergency or martial law
    133\tthreaten political dissent, protest
    134\tthreaten to halt negotiations
    135\tthreaten to halt mediation
    136\tthreaten to halt international involvement (non-mediation)
    137\tthreaten with violent repression
    138\tthreaten to use military force, not specified below
    1381\tthreaten blockade
    1382\tthreaten occupation
    1383\tthreaten unconventional violence
    1384\tthreaten conventional attack
    1385\tthreaten attack with WMD
    139\tgive ultimatum
    14\tprotest
    140\tengage in political dissent, not specified below
    141\tdemonstrate or rally
    1411\tdemonstrate for leadership change
    1412\tdemonstrate for policy change
    1413\tdemonstrate for rights
    1414\tdemonstrate for change in institutions, regime
    142\tconduct hunger strike, not specified below
    1421\tconduct hunger strike for leadership change
    1422\tconduct hunger strike for policy change
    1423\tconduct hunger strike for rights
    1424\tconduct hunger strike for change in institutions, regime
    143\tconduct strike or boycott, not specified below
    1431\tconduct strike or boycott for leadership change
    1432\tconduct strike or boycott for policy change
    1433\tconduct strike or boycott for rights
    1434\tconduct strike or boycott for change in institutions, regime
    144\tobstruct passage, block
    1441\tobstruct passage to demand leadership change
    1442\tobstruct passage to demand policy change
    1443\tobstruct passage to demand rights
    1444\tobstruct passage to demand change in institutions, regime
    145\tprotest violently, riot
    1451\tengage in violent protest for leadership change
    1452\tengage in violent protest for policy change
    1453\tengage in violent protest for rights
    1454\tengage in violent protest for change in institutions, regime
    15\texhibit force posture
    150\tdemonstrate military or police power, not specified below
    151\tincrease police alert status
    152\tincrease military alert status
    153\tmobilize or increase police power
    154\tmobilize or increase armed forces
    16\treduce relations
    160\treduce relations, not specified below
    161\treduce or break diplomatic relations
    162\treduce or stop aid, not specified below
    1621\treduce or stop economic assistance
    1622\treduce or stop military assistance
    1623\treduce or stop humanitarian assistance
    163\timpose embargo, boycott, or sanctions
    164\thalt negotiations
    165\thalt mediation
    166\texpel or withdraw, not specified below
    1661\texpel or withdraw peacekeepers
    1662\texpel or withdraw inspectors, observers
    1663\texpel or withdraw aid agencies
    17\tcoerce
    170\tcoerce, not specified below
    171\tseize or damage property, not specified below
    1711\tconfiscate property
    1712\tdestroy property
    172\timpose administrative sanctions, not specified below
    1721\timpose restrictions on political freedoms
    1722\tban political parties or politicians
    1723\timpose curfew
    1724\timpose state of emergency or martial law
    173\tarrest, detain, or charge with legal action
    174\texpel or deport individuals
    175\tuse tactics of violent repression
    18\tassault
    180\tuse unconventional violence, not specified below
    181\tabduct, hijack, or take hostage
    182\tphysically assault, not specified below
    1821\tsexually assault
    1822\ttorture
    1823\tkill by physical assault
    183\tconduct suicide, car, or other non-military bombing, not specified below
    1831\tcarry out suicide bombing
    1832\tcarry out car bombing
    1833\tcarry out roadside bombing
    184\tuse as human shield
    185\tattempt to assassinate
    186\tassassinate
    19\tfight
    190\tuse conventional military force, not specified below
    191\timpose blockade, restrict movement
    192\toccupy territory
    193\tfight with small arms and light weapons
    194\tfight with artillery and tanks
    195\temploy aerial weapons
    196\tviolate ceasefire
    20\tuse unconventional mass violence
    200\tuse unconventional mass violence, not specified below
    201\tengage in mass expulsion
    202\tengage in mass killings
    203\tengage in ethnic cleansing
    204\tuse weapons of mass destruction, not specified below
    2041\tuse chemical, biological, or radiological weapons
    2042\tdetonate nuclear weapons
    """
}
