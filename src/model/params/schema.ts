import { z } from 'zod';
import { num, int, perDepth } from './fields.ts';
import { lever } from './lever-field.ts';
import { LEVER_TABLE, perLever } from './lever-table.ts';
import { yearlySchema } from './yearly-field.ts';

const A = 'assumption:';

/** Size and structure of the simulated world. */
const world = z.strictObject({
  regions: int(4, 1, 1000, `${A} a province-sized slice with a few prefecture-level labour markets`),
  sectors: int(4, 1, 100, `${A} a few industry sectors, each served by matching majors`),
  schools: int(60, 1, 100000, `${A} a province's higher-vocational colleges (China had 1,547 in 2023, Ministry of Education statistics)`),
  firms: int(
    3000,
    1,
    2_000_000,
    `${A} about 50 potential partner firms per college keeps the default run fast; national.json uses 100,000. ` +
      'At most 2,000,000: a run holds about 300 + 85 × maxPartnersPerFirm bytes a firm (measured with Node 20: 470 B at 2 partners, ' +
      '980 B at 8, for 100,000 and 1,000,000 firms), so 2,000,000 firms need up to 2 GB a run (each sweep worker holds one) and about ' +
      '9 µs a firm-year, 18 s a year on one core; 10,000,000 firms at 8 partners failed to allocate their arrays. ' +
      '`coopsim run`, `sweep` and `sensitivity` ask for --allow-large above 20,000,000 firm-years a run (about 3 minutes)',
  ),
  maxPartnersPerFirm: int(2, 1, 8, `${A} firms rarely keep more than a couple of college partners`),
});

/** School conditions and their dynamics. */
const schools = z.strictObject({
  facilities: num(0.35, 0, 1, `${A} weak training conditions, as the seed describes ("not attractive to enterprises")`),
  teacherPractice: num(0.3, 0, 1, `${A} teachers with little practical experience (the seed)`),
  alignment: num(0.45, 0, 1, `${A} majors only partly fit regional industry (the seed)`),
  spread: num(0.1, 0, 0.5, `${A} standard deviation of school conditions between colleges`),
  graduatesPerYear: int(3000, 1, 100000, `${A} about 10,000 students in three-year programmes per college`),
  coordinatingStaff: num(
    5,
    0,
    10000,
    'full-time staff a college gives to coordinating enterprise partnerships; its capacity is coordinatingStaff × staffCost of staff time a year, and each partnership takes coordinationCost of it. Derived: the 197 "Double High" colleges built about 12,000 shared training bases (≈ 60 per college, 2025 report); 60 depth-3 partnerships at 10 k¥ of staff time each take 600 k¥ = 5 staff at 120 k¥. The internship caps (≤ 10% of a host firm\'s staff and ≤ 20% of a post may be interns: 2016 rules, kept for post internships in the 2021 rules) limit interns per host firm, not the college: at the default interns per partnership they bind only for hosts under 80 staff',
  ),
  staffCost: num(120, 1, 10000, 'yearly cost of one staff member\'s time (k¥): NBS 2022 average wage in education, urban non-private units, about 120 k¥'),
  decay: num(0.08, 0, 1, `${A} yearly relaxation of conditions toward a college's own level without partner upkeep (equipment and skills age in about a decade)`),
  equipmentGain: perDepth([0, 0, 0.02, 0.03], 0, 1, `${A} facilities added per year by one partner at each depth (bases from depth 3)`),
  teacherGain: perDepth([0, 0, 0.005, 0.03], 0, 1, `${A} teacher practice added per year by one partner at each depth (co-trained teachers at depth 4)`),
  alignmentGain: perDepth([0, 0.003, 0.015, 0.02], 0, 1, `${A} alignment added per year by one partner at each depth (co-developed curricula and co-built majors)`),
  skillWeights: z
    .strictObject({
      facilities: num(0.3, 0, 1, `${A} weight of facilities in graduate skill`),
      teacherPractice: num(0.35, 0, 1, `${A} weight of teacher practice in graduate skill`),
      alignment: num(0.2, 0, 1, `${A} weight of alignment in graduate skill`),
      partnerDepth: num(0.15, 0, 1, `${A} weight of the college's mean partnership depth (of 4) in graduate skill`),
    })
    .default({ facilities: 0.3, teacherPractice: 0.35, alignment: 0.2, partnerDepth: 0.15 })
    .describe('weights of the graduate skill index (0–1)'),
  employmentBase: num(0.9, 0, 1, 'MyCOS: higher-vocational class of 2017 employment 92.1%, calibrated to about 0.9 at baseline skill'),
  employmentSkillEffect: num(0.2, 0, 2, `${A} better-skilled cohorts find jobs more easily on the open market`),
  coordinationCost: perDepth([2, 5, 10, 16], 0, 1000, `${A} school staff time per partnership per year at each depth (k¥): a cost in the college's value and its use of the coordinating staff's capacity`),
  placementValue: num(1, 0, 100, `${A} value to a college of placing one intern (internships are compulsory in its programmes; k¥)`),
  hireValue: num(1.5, 0, 100, `${A} value to a college of a graduate placed with a partner (k¥; employment counts in its evaluation)`),
  equipmentValue: num(150, 0, 10000, `${A} value to a college of one unit of facilities gain (k¥)`),
  teacherValue: num(300, 0, 10000, `${A} value to a college of one unit of teacher practice gain (k¥)`),
  choiceNoise: num(1.5, 0.01, 1000, `${A} logit noise of colleges' decisions (k¥): in accepting a new partner and in choosing leave / down / stay / up on an active one. Set, like the firms' noise (0.8 of their stakes), to about 0.8 of the staff time of a shallow partnership (2 k¥): with much more noise a college's choice among four options is nearly uniform and its willingness measures noise, not value`),
});

/** The enterprise population. */
const firms = z.strictObject({
  highTechShare: num(0.3, 0, 1, `${A} share of high-tech firms among potential partners`),
  longHorizonShare: num(0.35, 0, 1, `${A} most firms plan short-term (the seed: firms look at immediate costs)`),
  discountShort: num(0.6, 0, 5, `${A} yearly discount rate of short-horizon firms (benefits two years out are worth about 40%)`),
  discountLong: num(0.08, 0, 5, `${A} yearly discount rate of long-horizon firms (a cost of capital)`),
  sizeSpread: num(0.7, 0, 3, `${A} log-normal spread of firm size (how many interns and hires a firm can take)`),
  skilledHires: num(4, 0, 10000, `${A} skilled hires per year of a firm of average size`),
  wageLow: num(60, 1, 10000, `${A} yearly wage of a skilled worker at a low-tech firm (k¥; NBS 2022 private-sector average about 65 k¥)`),
  wageHigh: num(100, 1, 10000, `${A} yearly wage of a skilled worker at a high-tech firm (k¥; NBS 2022 non-private average about 114 k¥)`),
  initialCooperationLow: num(0.06, 0, 1, 'share of low-tech firms cooperating at the start: the status quo\'s own long-run share (bench/steady-state.ts), so year 0 is not a transient; low-tech firms below the mean (Yang & Yue 2018); the overall share is checked against BIBB 2012/13, about 1 in 5 firms train (target 0.1–0.3)'),
  initialCooperationHigh: num(0.27, 0, 1, 'share of high-tech firms cooperating at the start: the status quo\'s own long-run share (bench/steady-state.ts); high-tech firms above the mean (Yang & Yue 2018)'),
  initialDepthMix: perDepth([0.955, 0.043, 0.001, 0.001], 0, 1, 'shares of initial partnerships at depth 1–4: the seed says cooperation is mostly shallow; the shares are the status quo\'s own long-run mix (bench/steady-state.ts), since a deeper seeded mix is not one the model holds (deep partnerships fall from 6% to under 1% within a year)'),
  initialFriendshipShare: num(0.72, 0, 1, 'the seed: agreements mostly rest on personal ties; 0.72 is the status quo\'s own long-run share of shallow ties on personal contact'),
  attitudeSpread: num(0.6, 0, 10, `${A} spread of firms' initial attitude to cooperation (in units of choice noise)`),
  turnover: num(0.07, 0, 1, 'yearly share of firms that close and are replaced by a new firm: China, SAIC 2013 survival-time report on domestic enterprises, 5-year survival 68.9% (1 − 0.689^(1/5) ≈ 7% a year)'),
  fitSpread: num(0.15, 0, 2, `${A} spread of how much a firm gets out of interns (task fit, management); calibrated with internProductivity so that intern output / gross cost stays in the BIBB range 0.65–0.8 in every year of the status quo (firms that keep cooperating are those with good fit)`),
});

/** Regional labour markets. */
const labour = z.strictObject({
  cheapLabour: num(0.8, 0, 1, `${A} plentiful cheap unskilled labour (the seed); 1 = oversupply, 0 = none`),
  cheapLabourTrend: num(0, -0.5, 0.5, `${A} yearly change of cheap-labour supply (0 = constant; negative = shrinking)`),
  substitution: num(0.8, 0, 1, `${A} how far low-tech firms can replace a trained hire by cheap labour`),
  hiringCostLow: num(12, 0, 10000, `${A} cost of hiring a skilled worker on the market for a low-tech firm (k¥, a few months' wage less what cheap labour saves)`),
  hiringCostHigh: num(40, 0, 10000, `${A} cost of hiring a skilled worker on the market for a high-tech firm (k¥, about five months' wage)`),
  skillPremiumLow: num(0.04, 0, 2, `${A} extra first-year output of a trained graduate over a market hire at a low-tech firm (share of wage)`),
  skillPremiumHigh: num(0.2, 0, 2, `${A} extra first-year output of a trained graduate over a market hire at a high-tech firm (share of wage)`),
});

/** Costs and benefits of cooperation for a firm, per partnership and year. */
const economics = z.strictObject({
  interns: perDepth([2, 4, 6, 8], 0, 1000, `${A} interns per partnership per year of an average-size firm at each depth`),
  internMonths: perDepth([1.5, 4, 6, 6], 0, 12, `${A} months an intern spends at the firm (depth 1: short one-off internships)`),
  internProductivity: num(0.35, 0, 2, `${A} intern output relative to a skilled worker at zero school skill; calibrated to BIBB 2007/2017 output/cost 0.69–0.76`),
  internSkillEffect: num(0.6, 0, 2, `${A} added intern output per unit of graduate skill; calibrated with internProductivity`),
  internPayShare: num(0.6, 0, 2, `${A} interns are commonly paid about 60% of a regular wage where no floor is enforced`),
  supervisionShare: perDepth([0.2, 0.25, 0.25, 0.25], 0, 2, `${A} trainer time per intern as a share of the intern's wage-equivalent; calibrated to BIBB output/cost`),
  curriculumCost: perDepth([0, 6, 12, 18], 0, 10000, `${A} curriculum and materials work per year (k¥)`),
  investment: perDepth([0, 0, 25, 45], 0, 10000, `${A} annualised equipment and base investment (k¥); halved at colleges with full facilities`),
  hireRate: perDepth([0.3, 0.45, 0.55, 0.6], 0, 1, `${A} share of interns a firm hires at each depth (order classes place most)`),
  retentionBase: num(0.55, 0, 1, 'BIBB: 57–60% of trained graduates kept on'),
  retentionPerDepth: num(0.04, 0, 1, `${A} deeper partnerships tie graduates more closely`),
  poachingCost: num(0.25, 0, 5, `${A} loss when a graduate trained for six months leaves for a rival (share of wage; pro rata for shorter training)`),
  techServices: perDepth([0, 0, 0, 60], 0, 10000, `${A} value of technical services, joint R&D and employee training from the college at full teacher practice (k¥)`),
  adminCost: perDepth([1.5, 3, 5, 6], 0, 10000, `${A} administrative and transaction cost per year (k¥)`),
  disputeRate: num(0.12, 0, 1, `${A} yearly chance of a dispute (intern injury, default, walk-out) without enforceable law`),
  disputeCost: num(8, 0, 10000, `${A} cost of a dispute per intern (k¥)`),
  sectorMismatch: num(0.75, 0, 1, `${A} share of graduate skill that carries over to a firm outside the college's sector focus`),
  internLag: perDepth([0, 1, 2, 2], 0, 10, `${A} years before trained graduates and services pay off (a co-built major takes two years)`),
  shockSpread: num(1.2, 0, 10, `${A} spread of realised net benefit around its expectation (in units of a firm's stakes)`),
  firmStaff: num(100, 1, 1000000, `${A} on-post staff of a firm of average size; the internship rules allow interns up to 10% of a host's on-post staff (2016 rules), so the average firm's 8 interns at depth 4 need at least 80`),
  vatPerWageBill: num(0.15, 0, 5, `${A} VAT a firm pays per yuan of its wage bill: 13% standard rate on value added, of which wages are a little over half, less exemptions and reduced rates`),
  educationSurchargeRate: num(0.05, 0, 1, 'China: education surcharge 3% (State Council, Interim Provisions on the Collection of the Education Surcharge, Art. 3) + local education surcharge 2% (Caizong [2010] No. 98) of the VAT and consumption tax a firm pays'),
});

/** How agents decide, learn and build trust. */
const behaviour = z.strictObject({
  choiceNoise: num(0.8, 0.01, 100, `${A} logit noise of firm decisions (in units of a firm's stakes, 10% of its wage bill for one hire)`),
  searchRate: num(0.6, 0, 1, `${A} share of non-cooperating firms that look for a partner in a year`),
  secondPartnerRate: num(0.05, 0, 1, `${A} share of cooperating firms with a free slot that look for another partner`),
  searchCost: num(2, 0, 10000, `${A} one-off cost of finding and agreeing a partner (k¥)`),
  candidates: int(3, 1, 100, `${A} colleges a searching firm considers without help`),
  contactTurnover: num(0.1, 0, 1, `${A} yearly chance that the personal contact behind a friendship-based tie leaves (staff turnover)`),
  contractShare: num(0.2, 0, 1, `${A} share of new shallow partnerships set up by contract rather than personal ties (the seed: few)`),
  trustStart: num(0.3, 0, 1, `${A} trust of a new partnership`),
  trustGain: num(0.12, 0, 1, `${A} trust gained per year of cooperation that paid off`),
  trustLoss: num(0.25, 0, 1, `${A} trust lost in a dispute or a loss-making year`),
  trustNeeded: perDepth([0, 0.3, 0.45, 0.6], 0, 1, `${A} trust needed to move up to each depth`),
  learningRate: num(0.15, 0, 10, `${A} how fast a firm's attitude follows its own realised payoff`),
  imitationRate: num(0.2, 0, 1, `${A} yearly chance that a firm compares itself with a peer of its sector and region`),
  attitudeForgetting: num(0.2, 0, 1, `${A} share of a learned or copied attitude that fades each year back toward the firm's own disposition (φ; memory of about five years). Without forgetting attitudes only ratchet and the status quo drifts`),
  imitationScale: num(1, 0.01, 100, `${A} payoff difference (in stakes) that makes copying a peer certain (M of the mean-field game in docs/ODD.md)`),
});

// The levers' fields come from the lever table. The first five stand before the evaluation
// interval, as they always have in scenario files and in the published JSON Schema; a new
// lever's row lands after the others.
const { law, internPayFloor, taxRelief, greenChannel, groups, ...laterLevers } = perLever((name) => {
  const { statusQuo, range, source } = LEVER_TABLE[name];
  return lever(statusQuo, range[0], range[1], source);
});

/** Government levers (each a number, a list of steps, or an expression of year). */
const policy = z.strictObject({
  law,
  internPayFloor,
  taxRelief,
  greenChannel,
  groups,
  evaluationInterval: int(0, 0, 50, 'status quo: groups are not evaluated (0 = never); every k years otherwise'),
  ...laterLevers,
  certificationQuota: num(1.1, 0, 1000, 'new certifications of industry–education integration enterprises per college per year: China’s national target of at least 10,000 certified firms by 2025 (NDRC Social [2019] No. 1558; 2023–2025 action plan), reached over 2019–2025 across 1,547 higher-vocational colleges (MOE 2023), is about 1.1; for scale, the first national batch was 63 firms and Shandong certified 142 (2020) + 168 (2022). Firms apply only while certification brings relief (taxRelief or greenChannel above 0)'),
  certificationTerm: int(3, 1, 100, `${A} years a certification lasts before the firm must be screened again; the 2019 Implementation Measures speak of a period of qualification within which a firm can lose it (People's Daily 2019-04-04), its length is not in the sources read`),
  certificationCultivation: int(1, 0, 100, 'China, Shandong (2022): a firm is cultivated at least 1 year in the provincial pool before it may apply for certification; here its contract partnership at depth 2 or more must have run that long'),
});

/** Status-quo value of each lever (also what a schedule holds before its first step). */
export const POLICY_DEFAULTS = policy.parse({});

/** Strengths of the policy mechanisms. */
const mechanisms = z.strictObject({
  lawRetention: num(0.2, 0, 1, `${A} retention gain from enforceable service-term clauses at full law (contract partnerships)`),
  lawDisputeCut: num(0.7, 0, 1, `${A} share of dispute risk removed by full law`),
  lawTrust: num(0.2, 0, 1, `${A} trust that an enforceable contract substitutes for at full law`),
  lawContracts: num(0.6, 0, 1, `${A} extra share of new partnerships put on contract at full law`),
  groupSearchCut: num(0.5, 0, 1, `${A} cut in search cost inside a group`),
  groupCandidates: int(3, 0, 100, `${A} extra colleges a group member sees`),
  groupExitCost: num(8, 0, 10000, `${A} standing a firm loses in its group by walking out of a group partnership (k¥; halved when the group is not evaluated)`),
  groupSharedBase: num(0.35, 0, 1, `${A} cut in base investment through a group's shared training bases`),
  platformCandidates: int(6, 0, 100, `${A} extra colleges seen with a full data platform`),
  platformSearchCut: num(0.5, 0, 1, `${A} cut in search cost with a full data platform`),
  evaluationReward: num(20, 0, 10000, `${A} reward per evaluation to a firm with a certified deep partnership (k¥)`),
  evaluationPenalty: num(10, 0, 10000, `${A} cost to a firm flagged for a formal, shallow partnership (k¥: lost standing, lost certification)`),
  evaluationReputation: num(0.05, 0, 1, `${A} reputation a college gains per deep partnership found by an evaluation`),
  fundingEffect: num(0.01, 0, 1, `${A} facilities and teacher-practice gain per M¥ of school funding per year`),
  payFloorCompliance: num(0.3, 0, 1, `${A} share of the gap to the intern pay floor firms close without enforcement (law 0); law raises compliance linearly to 1. Low because the internship rules bind but are weakly enforced: violations are stopped, rarely punished (Xiong Bingqi, 21st Century Education Research Institute, in 21st Century Business Herald 2021); a deciding assumption: at 0 or 0.5 claims 4, 5 and 7 move`),
  groupAdminCost: num(5, 0, 10000, `${A} government running cost of vocational education groups per member (firm or college) per year (k¥): about one staff-year (~100 k¥) of secretariat per group of about 20 member firms (1,400+ groups with nearly 30,000 firms, MOE 2018)`),
  evaluationCost: num(1, 0, 10000, `${A} cost of evaluating one group partnership (k¥): about one expert-day of review and site visit`),
  platformCost: num(20, 0, 10000, `${A} running cost of the data platform per college served per year at full use (k¥): a provincial platform of about 1.2 M¥ a year for 60 colleges`),
  lawEnforcementCost: num(10, 0, 10000, `${A} cost of inspecting internships and settling disputes per college per year at full law (k¥): a share of an inspector's time per college`),
  fundingPassShare: num(0.1, 0, 1, `${A} conditional school funding pays a college when at least this share of its evaluated (group) partnerships are order classes or deeper (depth 2+): one in ten, which about 40% of colleges meet under the full package (the former rule, a mean evaluated depth of 2, passed 0–18%)`),
});

/** The scenario file schema: the single source of truth for scenario data. */
export const scenarioSchema = z.strictObject({
  $schema: z.string().optional().describe('path of the JSON Schema for editors'),
  name: z.string().max(200).default('scenario').describe('short name'),
  description: z.string().max(5000).default('').describe('what the scenario shows'),
  sources: z
    .record(z.string(), z.string())
    .default({})
    .describe('where each number set in this file comes from: field path → source or "assumption: reason"'),
  years: int(
    20,
    1,
    500,
    `${A} two decades shows slow capability feedbacks. At most 500: a year adds only its metrics row (under 1 KB) to a run's memory, ` +
      'but its time grows with the years (about 9 µs a firm-year), so 500 years of 2,000,000 firms would take 2.5 hours',
  ),
  spinUpYears: int(
    1,
    0,
    500,
    `${A} burn-in years simulated before year 0 and not reported, with every policy lever at its status-quo value and the rest of the scenario as given, so year 0 starts from a state the model itself holds (the initial state is already at the model's own long-run shares, so one year suffices to replace the seeded trust, attitudes and partnership records by the model's own; kept short because every spin-up year costs as much as a reported one, and the default run must stay within its 20 ms budget)`,
  ),
  seed: int(1, 0, 4294967295, 'any seed; runs are reproducible for a given seed'),
  world: world.default(world.parse({})),
  schools: schools.default(schools.parse({})),
  firms: firms.default(firms.parse({})),
  labour: labour.default(labour.parse({})),
  economics: economics.default(economics.parse({})),
  behaviour: behaviour.default(behaviour.parse({})),
  policy: policy.default(policy.parse({})),
  mechanisms: mechanisms.default(mechanisms.parse({})),
  yearly: yearlySchema,
});

/** A validated scenario with every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
/** A scenario as written in a file (defaults may be omitted). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
// The levers' names and ranges belong to the lever table; handed on here for the readers of the schema.
export { LEVER_NAMES, LEVER_RANGE, type LeverName } from './lever-table.ts';
