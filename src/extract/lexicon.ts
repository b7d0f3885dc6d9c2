/**
 * General vocabulary the extractors and the query parser share: countries and demonyms in English
 * and Chinese, official titles, event words, the characters Chinese uses to transliterate foreign
 * names, and a small English↔Chinese glossary of news terms. Nothing here is about a particular
 * article: it is the kind of list any news reader of the region would carry.
 */

/** Country: English name, demonym/adjective forms, Chinese names (simplified). */
export const COUNTRIES: { name: string; forms: string[]; zh: string[] }[] = [
  { name: "China", forms: ["china", "chinese", "prc", "people's republic of china", "beijing's"], zh: ["中国", "中方", "中华人民共和国", "我国", "中"] },
  { name: "Kazakhstan", forms: ["kazakhstan", "kazakh", "kazakhstani", "republic of kazakhstan"], zh: ["哈萨克斯坦", "哈方", "哈萨克斯坦共和国", "哈"] },
  { name: "Russia", forms: ["russia", "russian"], zh: ["俄罗斯", "俄方", "俄"] },
  { name: "Uzbekistan", forms: ["uzbekistan", "uzbek"], zh: ["乌兹别克斯坦"] },
  { name: "Kyrgyzstan", forms: ["kyrgyzstan", "kyrgyz"], zh: ["吉尔吉斯斯坦"] },
  { name: "Tajikistan", forms: ["tajikistan", "tajik"], zh: ["塔吉克斯坦"] },
  { name: "Turkmenistan", forms: ["turkmenistan", "turkmen"], zh: ["土库曼斯坦"] },
  { name: "Mongolia", forms: ["mongolia", "mongolian"], zh: ["蒙古"] },
  { name: "Pakistan", forms: ["pakistan", "pakistani"], zh: ["巴基斯坦"] },
  { name: "India", forms: ["india", "indian"], zh: ["印度"] },
  { name: "Serbia", forms: ["serbia", "serbian"], zh: ["塞尔维亚"] },
  { name: "Belarus", forms: ["belarus", "belarusian"], zh: ["白俄罗斯"] },
  { name: "Ukraine", forms: ["ukraine", "ukrainian"], zh: ["乌克兰"] },
  { name: "Turkey", forms: ["turkey", "turkish", "turkiye"], zh: ["土耳其"] },
  { name: "Iran", forms: ["iran", "iranian"], zh: ["伊朗"] },
  { name: "Azerbaijan", forms: ["azerbaijan", "azerbaijani"], zh: ["阿塞拜疆"] },
  { name: "Georgia", forms: ["georgia", "georgian"], zh: ["格鲁吉亚"] },
  { name: "Afghanistan", forms: ["afghanistan", "afghan"], zh: ["阿富汗"] },
  { name: "Myanmar", forms: ["myanmar"], zh: ["缅甸"] },
  { name: "United States", forms: ["united states", "u.s.", "us", "american"], zh: ["美国"] },
  { name: "Germany", forms: ["germany", "german"], zh: ["德国"] },
  { name: "France", forms: ["france", "french"], zh: ["法国"] },
  { name: "United Kingdom", forms: ["britain", "british", "united kingdom", "uk"], zh: ["英国"] },
  { name: "Japan", forms: ["japan", "japanese"], zh: ["日本"] },
  { name: "South Korea", forms: ["south korea", "korean"], zh: ["韩国"] },
  { name: "Switzerland", forms: ["switzerland", "swiss"], zh: ["瑞士"] },
];

/** Country of an English adjective/name or a Chinese name, if it is one. */
export function countryOf(word: string): string | undefined {
  const w = word.toLowerCase().replace(/['’]s$/, "");
  for (const c of COUNTRIES) if (c.forms.includes(w) || c.zh.includes(word)) return c.name;
  return undefined;
}


/** Official titles, longest first so "First Deputy Prime Minister" wins over "Prime Minister". */
export const EN_TITLES = [
  "first deputy prime minister", "deputy prime minister", "vice prime minister", "prime minister", "vice premier", "premier",
  "vice president", "president", "state councilor", "foreign minister", "deputy foreign minister", "first vice minister",
  "vice minister", "deputy minister", "minister", "ambassador", "vice chairman", "vice chairwoman", "chairman", "chairwoman",
  "chairperson", "chair", "deputy secretary", "secretary-general", "secretary general", "general secretary", "party secretary",
  "secretary", "governor", "deputy governor", "mayor", "vice mayor", "director-general", "director general", "deputy director",
  "director", "head", "chief executive", "chief", "ceo", "general manager", "spokesperson", "spokesman", "spokeswoman",
  "ambassador", "envoy", "consul general", "speaker", "chancellor", "king", "emir", "akim", "senator", "counterpart",
  "co-chair", "co-chairman", "commissioner", "senior researcher", "researcher", "research fellow", "professor", "scholar",
  "analyst", "expert", "mr.", "mrs.", "ms.", "dr.", "h.e.",
];

/** Chinese titles (simplified), longest first. */
export const ZH_TITLES = [
  "第一副总理", "国务院副总理", "国务院总理", "副总理", "总理", "国家主席", "副主席", "主席", "副总统", "总统", "首相",
  "国务委员", "外交部长", "副部长", "部长", "外长", "大使", "总领事", "副主任", "主任", "党委书记", "书记", "省长", "副省长",
  "市长", "副市长", "州长", "董事长", "总经理", "总裁", "秘书长", "议长", "委员长", "发言人", "司长", "副司长", "局长", "副局长",
  "署长", "行长", "会长", "院长", "校长",
].sort((a, b) => b.length - a.length);

/** Characters Chinese uses to transliterate foreign names (a name made only of these is likely foreign). */
export const TRANSLIT = new Set(
  ("阿埃艾爱安昂奥澳巴拜班邦包保鲍贝本比彼毕宾波伯博布查达大戴丹道德登迪蒂丁东杜多厄恩尔法凡范菲费芬丰弗福夫盖甘冈戈格" +
    "根古瓜哈海汉豪赫黑亨胡华霍基吉加贾杰捷金卡凯坎康柯科克肯库奎拉莱赖兰朗劳勒雷蕾里利莉连列林琳卢鲁伦罗洛马玛迈麦曼" +
    "梅蒙米明缪莫默姆穆纳娜奈南内尼涅宁努诺欧帕潘佩彭皮珀普奇契恰乔切钦丘萨塞赛桑瑟森沙莎舍什施史斯苏索塔泰坦汤特提廷图" +
    "托瓦万威韦维温沃乌西希谢辛休雅亚耶叶伊因尤于约扎泽詹兹佐卓若茨奥娃廖科耶扬夏汗赫迈杰姆穆哈日济尔巴加斯普京弗拉基" +
    "绍策楚措什朱祖哲珍热儒瑞克罗索契诺娃维奇斯卡娅丽雅琪蒂妮芙露别")
    .split(""),
);

/** The most common Chinese surnames: a 2–3 character name after a title must start with one. */
export const SURNAMES = new Set(
  ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏" +
    "习栗蔺阎韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝")
    .split(""),
);

/** Words that end a Chinese personal name ("张旭和…", "习近平在…"). */
export const ZH_NAME_STOP = new Set("、，,。和与同在及分共表指举介出率会说强认希将就对为是也已等的了称还于向时从应到".split(""));

/** Event words: English trigger → kind. */
export const EN_EVENT_WORDS: [RegExp, string][] = [
  [/\b(co-?chair(s|ed|ing)?)\b/i, "committee session"],
  [/\b(sub-?committee|committee|commission)\b.*\b(meeting|session)\b|\b(meeting|session)\b.*\b(sub-?committee|committee|commission)\b/i, "committee session"],
  [/\b(held|hold|holds|holding) talks\b|\btalks?\b/i, "talks"],
  [/\b(shakes?|shook|shaking) hands\b/i, "meeting"],
  // Not "to meet demand", "meets the needs", "where East meets West".
  [/\b(met|meets|meet|meeting)\b(?!\s+(?:the\s+|its\s+|their\s+|our\s+|\w+ing\s+)?(?:demands?|needs?|requirements?|standards?|targets?|goals?|expectations?|deadlines?|criteria|conditions|west|east)\b)/i, "meeting"],
  [/\bsummit\b/i, "summit"],
  [/\b(conference|congress)\b/i, "conference"],
  [/\b(forum|expo|exhibition|fair)\b/i, "forum"],
  [/\b(signed|sign|signs|signing|inked)\b/i, "signing"],
  [/\b(ceremony|inaugurat\w*|groundbreaking|awarded|opening)\b/i, "ceremony"],
  // A launch or an opening is a happening too ("launched a freight route", "the plant was commissioned").
  [/\b(launch(?:ed|es)?|unveil(?:ed|s)?|commissioned|opened(?! up\b)|put into (?:operation|service))\b/i, "ceremony"],
  [/\b(visit|visits|visited|visiting|arrived|arrives)\b/i, "visit"],
  [/\b(came|come|comes|entered|enter|enters) into (force|effect|operation)\b/i, "agreement"],
];

export const ZH_EVENT_WORDS: [RegExp, string][] = [
  [/共同主持|分委会.*会议|委员会.*会议|会议.*召开/, "committee session"],
  [/会谈/, "talks"],
  [/会见|会晤|视频会见|见面/, "meeting"],
  [/峰会/, "summit"],
  [/大会|研讨会/, "conference"],
  [/论坛|博览会|展会/, "forum"],
  [/签署|签订|签约/, "signing"],
  [/仪式|开工|开幕|开通|启动|投产|揭牌|落成|竣工|通车/, "ceremony"],
  [/访问|访华|访哈|抵达|出访/, "visit"],
  [/生效|封关运营|正式运营/, "agreement"],
  [/召开|举行|举办|出席/, "meeting"],
];

/**
 * English ↔ Chinese glossary of news terms, used to let a question in one language find
 * sentences in the other. Each row is a set of equivalent terms.
 */
export const GLOSSARY: string[][] = [
  ["meeting", "meet", "met", "会议", "会见", "会晤"],
  ["talks", "meet", "met", "会谈", "会见"],
  ["committee", "委员会"],
  ["subcommittee", "sub-committee", "分委会"],
  ["people", "persons", "participants", "attendees", "representatives", "delegates", "人员", "代表"],
  ["cooperation", "co-op", "合作"],
  ["science", "scientific", "科学", "科技"],
  ["technology", "technological", "s&t", "科技", "技术"],
  ["culture", "cultural", "文化"],
  ["humanities", "humanitarian", "人文"],
  ["trade", "贸易", "经贸"],
  ["economic", "economy", "经济"],
  ["energy", "能源"],
  ["agriculture", "agricultural", "农业", "农产品"],
  ["investment", "投资"],
  ["visa", "签证"],
  ["visa-free", "免签", "免签证", "exemption"],
  ["agreement", "协定", "协议"],
  ["protocol", "议定书"],
  ["joint statement", "联合声明"],
  ["communique", "公报"],
  ["document", "documents", "文件"],
  ["signed", "sign", "签署", "签订"],
  ["said", "say", "says", "stated", "表示", "指出", "强调", "说", "称"],
  ["headed", "heading", "leave for", "travel to", "前往", "赴", "启程"],
  ["delegation", "代表团"],
  ["led", "lead", "head", "headed", "率", "率领"],
  ["co-chair", "co-chaired", "cochair", "cochaired", "cochairs", "chair", "共同主持", "主持", "主席"],
  ["president", "主席", "总统"],
  ["premier", "prime minister", "总理"],
  ["vice premier", "副总理"],
  ["first deputy prime minister", "第一副总理"],
  ["deputy prime minister", "副总理"],
  ["minister", "部长"],
  ["vice minister", "副部长"],
  ["visit", "visited", "访问", "访华"],
  ["state visit", "国事访问"],
  ["summit", "峰会"],
  ["forum", "论坛"],
  ["expo", "exhibition", "博览会", "博会"],
  ["border", "边境"],
  ["port", "口岸", "港"],
  ["dry port", "无水港"],
  ["railway", "railways", "铁路"],
  ["pipeline", "管道"],
  ["gas", "天然气"],
  ["area", "面积"],
  ["square kilometers", "km2", "平方公里"],
  ["kilometers", "km", "公里", "千米"],
  ["days", "day", "天"],
  ["percent", "%", "百分之"],
  ["billion", "亿"],
  ["anniversary", "周年"],
  ["diplomatic relations", "diplomatic ties", "建交"],
  ["strategic partnership", "战略伙伴关系"],
  ["belt and road", "一带一路"],
  ["silk road", "丝绸之路"],
  ["shanghai cooperation organization", "sco", "上海合作组织", "上合组织", "上合"],
  ["held", "hold", "holding", "召开", "举行", "举办"],
  ["tenth", "10th", "第十次"],
  ["hong kong", "香港"],
  ["macau", "macao", "澳门"],
  ["innovation", "创新"],
  ["center", "centre", "中心"],
  ["first", "首届", "第一次"],
  ["growth", "increase", "增长"],
  ["year-on-year", "同比"],
  ["quarter", "季度"],
  ["first quarter", "一季度"],
  ["import expo", "进博会", "import"],
  ["stay", "停留"],
  ["citizens", "公民"],
  ["joint", "联合", "共同"],
  // Verbs and nouns of diplomatic reporting.
  ["encourage", "encouraged", "鼓励"],
  ["call for", "called for", "urge", "urged", "呼吁", "敦促"],
  ["stronger", "strengthen", "加强"],
  ["explore", "explored", "探索"],
  ["carry out", "conduct", "开展"],
  ["promote", "promoted", "推动", "促进"],
  ["strengthen", "enhance", "deepen", "加强", "深化"],
  ["expand", "expanded", "扩大"],
  ["discuss", "discussed", "exchange views", "讨论", "探讨", "交换意见"],
  ["agree", "agreed", "consensus", "同意", "一致同意", "共识"],
  ["establish", "set up", "建立", "设立"],
  ["attend", "attended", "出席"],
  ["host", "hosted", "主办"],
  ["launch", "launched", "启动"],
  ["build", "construction", "建设", "修建"],
  ["project", "projects", "项目"],
  ["company", "companies", "enterprise", "enterprises", "企业", "公司"],
  ["delegation", "delegations", "代表团"],
  ["ambassador", "大使"],
  ["embassy", "大使馆"],
  ["ministry", "部"],
  ["foreign ministry", "外交部"],
  ["president", "总统"],
  ["chairman", "主席"],
  ["vice chairman", "副主席"],
  ["director", "主任", "局长"],
  ["deputy director", "副主任", "副局长"],
  ["stake", "股份", "股权"],
  ["trade volume", "trade turnover", "贸易额"],
  ["import", "imports", "进口"],
  ["export", "exports", "出口"],
  ["capacity", "产能"],
  ["connectivity", "interconnectivity", "互联互通"],
  ["infrastructure", "基础设施"],
  ["finance", "financial", "金融"],
  ["tourism", "旅游"],
  ["education", "教育"],
  ["health", "卫生", "医疗"],
  ["security", "安全"],
  ["aviation", "航空"],
  ["aerospace", "航天"],
  ["nuclear", "核能", "核电"],
  ["oil", "石油"],
  ["wind", "风电"],
  ["logistics", "物流"],
  ["customs", "海关"],
  ["freight train", "中欧班列", "班列"],
  ["opening ceremony", "开幕式"],
  ["welcoming ceremony", "欢迎仪式"],
  ["state visit", "official visit", "国事访问", "正式访问"],
  ["phone call", "phone conversation", "通电话", "通话"],
  ["video", "video meeting", "视频", "视频会见", "视频会议"],
  // Abbreviations of terse questions.
  ["meeting", "mtg", "mtgs"],
  ["committee", "cttee", "cmte", "comm"],
  ["government", "govt", "gov"],
  ["international", "intl"],
  ["minister", "min"],
  ["prime minister", "pm"],
  ["foreign minister", "fm"],
  ["kazakhstan", "kz", "kaz"],
  ["agreement", "agmt", "agrmt"],
  ["billion", "bn", "bln"],
  ["million", "mn", "mln"],
  ["exclude", "exclusion", "excluding", "except", "不适用", "不包括", "除外"],
  ["region", "regions", "地区", "地方"],
  ["mutual", "相互", "互免"],
  ["announced", "announce", "宣布"],
  ["invite", "invited", "welcome", "邀请", "欢迎"],
  ["attend", "attending", "participate", "参加", "出席"],
  ["comprehensive", "全面"],
  ["field", "fields", "area", "areas", "sector", "sectors", "sphere", "spheres", "领域"],
  ["eternal", "permanent", "永久", "永远"],
  ["president", "总统", "国家主席"],
  ["headed", "head", "率", "率领", "团长"],
];

/**
 * Chinese names of foreign places that pinyin cannot derive (Chinese place names are matched through
 * pinyin instead: 重庆 ↔ Chongqing).
 */
export const PLACES_ZH: [string, string][] = [
  ["Astana", "阿斯塔纳"], ["Nur-Sultan", "努尔苏丹"], ["Almaty", "阿拉木图"], ["Urumqi", "乌鲁木齐"], ["Khorgos", "霍尔果斯"],
  ["Horgos", "霍尔果斯"], ["Moscow", "莫斯科"], ["Tashkent", "塔什干"], ["Bishkek", "比什凯克"], ["Dushanbe", "杜尚别"],
  ["Samarkand", "撒马尔罕"], ["Shymkent", "奇姆肯特"], ["Aktobe", "阿克托别"], ["Aktau", "阿克套"], ["Atyrau", "阿特劳"],
  ["Karaganda", "卡拉干达"], ["Davos", "达沃斯"], ["Geneva", "日内瓦"], ["New York", "纽约"], ["London", "伦敦"], ["Paris", "巴黎"],
  ["Ashgabat", "阿什哈巴德"], ["Baku", "巴库"], ["Minsk", "明斯克"], ["Hong Kong", "香港"], ["Macau", "澳门"], ["Macao", "澳门"],
  ["Kazakhstan", "哈萨克斯坦"], ["China", "中国"], ["Uzbekistan", "乌兹别克斯坦"], ["Kyrgyzstan", "吉尔吉斯斯坦"], ["Russia", "俄罗斯"],
];
