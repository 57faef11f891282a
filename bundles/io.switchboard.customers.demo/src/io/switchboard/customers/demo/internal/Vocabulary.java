package io.switchboard.customers.demo.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.switchboard.customers.DemoDataGenerator.Scenario;

/**
 * Every word the demo data is made of. All of it is invented here, so the demo needs no data files and no
 * licence for name lists. E-mail domains use the reserved {@code .example} top-level domain (RFC 2606) so that
 * a demo can never mail a real person.
 */
public final class Vocabulary {

    /** The languages in which customers write; each text below exists in all of them. */
    public static final List<String> LANGUAGES = List.of("en", "zh", "de", "es");

    /**
     * A place customers come from: how their names are built, how to spell them in an e-mail address, their
     * language, cities with phone area codes, phone format and currency.
     *
     * @param weight        how often customers come from here, relative to the others
     * @param zone          the time zone customers write in, unless their city names another
     * @param familyFirst   names are written family name first, without a given-name space (Chinese)
     * @param twoSurnames   Spanish-speaking custom: father's and mother's family name
     * @param mobile        mobile number pattern: {@code #} a digit, {@code @} a digit 6-9, {@code A} the area code
     * @param priceFactor   local currency units per US dollar, roughly, for plausible amounts
     */
    public record Country(String name, int weight, String language, String zone, String currency, double priceFactor,
            String callingCode, String mobile, List<String[]> cities, List<String> given, List<String> family,
            boolean familyFirst, boolean twoSurnames, List<String> companies, List<String> mailDomains,
            String chatNetwork, List<String> insurers) {
    }

    /**
     * Cities are "name:area code[:time zone]".
     * Chinese names are stored as "characters|pinyin", the pinyin being what the e-mail address uses; Chinese
     * company names likewise carry the words their made-up domain is built from.
     */
    public static final List<Country> COUNTRIES = List.of(
            new Country("China", 24, "zh", "Asia/Shanghai", "CNY", 7.1, "+86", "1@# #### ####",
                    cities("Beijing:10", "Shanghai:21", "Guangzhou:20", "Shenzhen:755", "Chengdu:28", "Hangzhou:571",
                            "Wuhan:27", "Nanjing:25"),
                    List.of("小明|xiaoming", "伟|wei", "芳|fang", "娜|na", "秀英|xiuying", "敏|min", "静|jing", "丽|li",
                            "强|qiang", "磊|lei", "军|jun", "洋|yang", "艳|yan", "杰|jie", "涛|tao", "明|ming", "超|chao",
                            "霞|xia", "建华|jianhua", "志强|zhiqiang", "晓燕|xiaoyan", "雨涵|yuhan", "子轩|zixuan",
                            "浩然|haoran", "欣怡|xinyi", "思远|siyuan", "佳琪|jiaqi", "嘉豪|jiahao"),
                    List.of("王|wang", "李|li", "张|zhang", "刘|liu", "陈|chen", "杨|yang", "黄|huang", "赵|zhao",
                            "吴|wu", "周|zhou", "徐|xu", "孙|sun", "马|ma", "朱|zhu", "胡|hu", "郭|guo", "何|he",
                            "林|lin", "高|gao", "罗|luo"),
                    true, false,
                    List.of("上海云帆科技有限公司|yunfan tech", "杭州兰亭贸易有限公司|lanting trade",
                            "深圳星河电子有限公司|xinghe electronics", "成都锦程物流有限公司|jincheng logistics",
                            "北京青禾文化传媒有限公司|qinghe media", "广州南风餐饮管理有限公司|nanfeng catering"),
                    List.of("qmail.example", "mail163.example", "sinopost.example"), "WeChat",
                    List.of("Jade River Health Insurance", "Qingshan Mutual", "Public medical insurance")),
            new Country("United States", 16, "en", "America/New_York", "USD", 1.0, "+1", "A-@##-####",
                    cities("New York:212", "Chicago:312:America/Chicago", "Austin:512:America/Chicago",
                            "Seattle:206:America/Los_Angeles", "Denver:303:America/Denver", "Boston:617",
                            "San Diego:619:America/Los_Angeles", "Atlanta:404"),
                    List.of("James", "Emily", "Michael", "Olivia", "Daniel", "Sophia", "Ethan", "Ava", "Jacob",
                            "Madison", "Carlos", "Maria", "Aaron", "Jasmine", "Tyler", "Hannah", "Kevin", "Chloe"),
                    List.of("Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Garcia", "Rodriguez",
                            "Wilson", "Martinez", "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "Nguyen", "Kim",
                            "Patel", "Cohen"),
                    false, false,
                    List.of("Bluebird Analytics LLC", "Cedar & Pine Outfitters Inc.", "Harborview Dental Group",
                            "Red Mesa Logistics", "Brightwater Software Inc.", "Maple Street Bakery"),
                    List.of("mailbox.example", "postnet.example", "inboxly.example"), "WhatsApp",
                    List.of("Lakeshore Health Plan", "Summit Mutual", "Prairie Care")),
            new Country("United Kingdom", 10, "en", "Europe/London", "GBP", 0.79, "+44", "7### ######",
                    cities("London:20", "Manchester:161", "Leeds:113", "Bristol:117", "Edinburgh:131", "Glasgow:141",
                            "Cardiff:29"),
                    List.of("Oliver", "Amelia", "Harry", "Isla", "George", "Ava", "Jack", "Freya", "Charlie", "Poppy",
                            "Alfie", "Sophie", "Thomas", "Grace", "William", "Ruby"),
                    List.of("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Thomas", "Roberts",
                            "Walker", "Wright", "Hughes", "Edwards", "Green", "Hall", "Clarke", "Khan", "Ahmed"),
                    false, false,
                    List.of("Thistle & Rowan Ltd", "Kingsbridge Interiors Ltd", "Northgate Tutors",
                            "Blackfriars Print Co.", "Wessex Garden Supplies"),
                    List.of("mailbox.example", "postnet.example", "teamail.example"), "WhatsApp",
                    List.of("NHS", "Thistle Health Cover", "Albion Medical")),
            new Country("Germany", 12, "de", "Europe/Berlin", "EUR", 0.92, "+49", "15# ########",
                    cities("Berlin:30", "Hamburg:40", "München:89", "Köln:221", "Frankfurt am Main:69", "Leipzig:341",
                            "Stuttgart:711"),
                    List.of("Jonas", "Lena", "Lukas", "Anna", "Felix", "Marie", "Maximilian", "Sophie", "Paul", "Laura",
                            "Tim", "Julia", "Jürgen", "Sabine", "Günter", "Ute", "Björn", "Käthe"),
                    List.of("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
                            "Hoffmann", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Braun",
                            "Krüger", "Weiß"),
                    false, false,
                    List.of("Brandtner Logistik GmbH", "Hafenblick Medien GmbH", "Sonnenfeld Gartenbau KG",
                            "Kesselhaus Brauerei GmbH", "Lindenhof Software AG", "Elbufer Reisen GmbH"),
                    List.of("webpost.example", "netzpost.example", "briefkasten.example"), "WhatsApp",
                    List.of("Nordwind Krankenkasse", "Lindenhof BKK", "Rheinland Privat")),
            new Country("India", 10, "en", "Asia/Kolkata", "INR", 83.0, "+91", "@#### #####",
                    cities("Mumbai:22", "Bengaluru:80", "Delhi:11", "Pune:20", "Chennai:44", "Hyderabad:40"),
                    List.of("Aarav", "Priya", "Rahul", "Ananya", "Vikram", "Sneha", "Arjun", "Kavya", "Rohan", "Divya",
                            "Karthik", "Meera", "Aditya", "Pooja", "Sanjay", "Lakshmi"),
                    List.of("Sharma", "Patel", "Gupta", "Iyer", "Reddy", "Nair", "Singh", "Kumar", "Mehta", "Rao",
                            "Das", "Joshi", "Menon", "Chatterjee"),
                    false, false,
                    List.of("Saffron Leaf Foods Pvt Ltd", "Monsoon Textiles", "Deccan Cloud Services Pvt Ltd",
                            "Ganga Valley Traders", "Lotus Lane Designs"),
                    List.of("mailbox.example", "rediffpost.example", "inboxly.example"), "WhatsApp",
                    List.of("Lotus Care Insurance", "Banyan Health", "Public health scheme")),
            new Country("Spain", 8, "es", "Europe/Madrid", "EUR", 0.92, "+34", "6## ### ###",
                    cities("Madrid:91", "Barcelona:93", "Valencia:96", "Sevilla:95", "Bilbao:94", "Málaga:95"),
                    List.of("Lucía", "Hugo", "Martina", "Pablo", "Sofía", "Daniel", "María", "Alejandro", "Paula",
                            "Javier", "Carmen", "Sergio", "Elena", "Álvaro", "Marta", "Raúl"),
                    List.of("García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez",
                            "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Álvarez", "Muñoz",
                            "Romero"),
                    false, true,
                    List.of("Olivares del Sur S.L.", "Bahía Azul Viajes S.L.", "Talleres Montaña S.A.",
                            "Cerámicas Albero S.L.", "Estudio Faro Creativo"),
                    List.of("correo.example", "buzon.example", "postnet.example"), "WhatsApp",
                    List.of("Mutua Solana", "Sanitas del Mar", "Seguridad Social")),
            new Country("Mexico", 8, "es", "America/Mexico_City", "MXN", 17.0, "+52", "A #### ####",
                    cities("Ciudad de México:55", "Guadalajara:33", "Monterrey:81", "Puebla:222", "Mérida:999"),
                    List.of("José", "Guadalupe", "Luis", "Fernanda", "Diego", "Valeria", "Miguel", "Ximena",
                            "Juan Carlos", "Ana Sofía", "Emiliano", "Regina", "Mateo", "Camila"),
                    List.of("Hernández", "García", "Martínez", "López", "González", "Pérez", "Rodríguez", "Sánchez",
                            "Ramírez", "Cruz", "Flores", "Gómez", "Morales", "Vázquez", "Reyes", "Torres"),
                    false, true,
                    List.of("Abarrotes La Ceiba S.A. de C.V.", "Maguey Azul Destilados", "Grupo Cantera Norte",
                            "Textiles Jacaranda", "Soluciones Nopal TI"),
                    List.of("correo.example", "buzon.example", "mailbox.example"), "WhatsApp",
                    List.of("Seguros Alameda", "IMSS", "Salud Quetzal")),
            new Country("Singapore", 6, "en", "Asia/Singapore", "SGD", 1.35, "+65", "@### ####",
                    cities("Singapore:"),
                    List.of("Wei Ling", "Jun Jie", "Hui Min", "Kai Wen", "Shu Fen", "Zhi Hao", "Mei Ling", "Jia Hui",
                            "Rachel", "Daniel", "Marcus", "Grace"),
                    List.of("Tan", "Lim", "Lee", "Ng", "Ong", "Wong", "Goh", "Chua", "Koh", "Teo"),
                    false, false,
                    List.of("Merlion Harbour Trading Pte Ltd", "Orchid Bay Consulting", "Kampong Kitchen Pte Ltd",
                            "Straits Digital Pte Ltd"),
                    List.of("mailbox.example", "lionpost.example", "inboxly.example"), "WhatsApp",
                    List.of("Merlion Shield", "MediSave", "Raffles Garden Health")));

    /** Agents who answer, per language: the name shown in the timeline. */
    public static final Map<String, List<String>> AGENTS = Map.of(
            "en", List.of("Sam Porter", "Olivia Reed", "Nathan Cole"),
            "zh", List.of("陈静", "周磊", "林晓燕"),
            "de", List.of("Katrin Vogel", "Tobias Brandt", "Mia Lorenz"),
            "es", List.of("Marta Ruiz", "Diego Navarro", "Inés Molina"));

    /**
     * Something a customer buys or books, with a price in US dollars; {@code names} follow {@link #LANGUAGES}.
     */
    public record Item(double price, String... names) {
        public String name(String language) {
            return names[LANGUAGES.indexOf(language)];
        }
    }

    /**
     * One kind of conversation: the customer's question, our answer, and the need it leaves. Each has
     * {@code {ref}} (order, booking or appointment number) and {@code {item}} to fill in; the four strings per
     * language are inbound summary, inbound body, outbound body, need.
     */
    public record Topic(Map<String, String[]> texts) {
        public String text(String language, int part) {
            return texts.get(language)[part];
        }
    }

    public static final int IN_SUMMARY = 0;
    public static final int IN_BODY = 1;
    public static final int OUT_BODY = 2;
    public static final int NEED = 3;

    /** What one scenario sells, how it numbers and names its transactions, and what customers talk about. */
    public record Business(String referencePrefix, List<Item> items, List<String> statuses, List<String> tags,
            Map<String, String> descriptions, List<Topic> topics) {
    }

    public static final Map<Scenario, Business> BUSINESSES = Map.of(
            Scenario.ECOMMERCE, new Business("SO-",
                    List.of(new Item(79, "wireless headphones", "无线耳机", "Kabellose Kopfhörer", "auriculares inalámbricos"),
                            new Item(95, "running shoes", "跑步鞋", "Laufschuhe", "zapatillas de running"),
                            new Item(45, "linen shirt", "亚麻衬衫", "Leinenhemd", "camisa de lino"),
                            new Item(249, "espresso machine", "意式咖啡机", "Espressomaschine", "cafetera espresso"),
                            new Item(65, "backpack", "双肩背包", "Rucksack", "mochila"),
                            new Item(199, "smart watch", "智能手表", "Smartwatch", "reloj inteligente"),
                            new Item(58, "ceramic tea set", "陶瓷茶具套装", "Teeservice aus Keramik", "juego de té de cerámica"),
                            new Item(39, "desk lamp", "台灯", "Schreibtischlampe", "lámpara de escritorio")),
                    List.of("delivered", "delivered", "delivered", "shipped", "paid", "refunded", "cancelled"),
                    List.of("vip", "newsletter", "repeat-buyer", "returns-risk", "b2b", "gift-buyer"),
                    Map.of("en", "{n} × {item}", "zh", "{item} × {n}", "de", "{n} × {item}", "es", "{n} × {item}"),
                    List.of(topic(
                            "en", "Where is my order {ref}?",
                            "Hi, my order {ref} with the {item} was due three days ago and the tracking page has not changed since. Can you check where it is?",
                            "Thank you for waiting. The parcel for order {ref} was held up at the depot; it is on its way again and should arrive within two working days.",
                            "Wants order {ref} delivered before the weekend",
                            "zh", "我的订单 {ref} 到哪里了？",
                            "您好，我订的{item}（订单 {ref}）三天前就应该到了，物流信息一直没有更新，麻烦帮我查一下。",
                            "感谢您的耐心等待。订单 {ref} 的包裹在中转站耽误了，现在已经重新发出，预计两个工作日内送达。",
                            "希望订单 {ref} 在周末前送到",
                            "de", "Wo bleibt meine Bestellung {ref}?",
                            "Hallo, meine Bestellung {ref} („{item}“) sollte vor drei Tagen ankommen, die Sendungsverfolgung zeigt seitdem nichts Neues. Können Sie nachsehen?",
                            "Danke für Ihre Geduld. Das Paket zu Bestellung {ref} lag im Verteilzentrum fest; es ist wieder unterwegs und sollte in zwei Werktagen bei Ihnen sein.",
                            "Möchte Bestellung {ref} vor dem Wochenende erhalten",
                            "es", "¿Dónde está mi pedido {ref}?",
                            "Hola, mi pedido {ref} («{item}») tenía que llegar hace tres días y el seguimiento no se ha movido. ¿Podéis revisarlo?",
                            "Gracias por tu paciencia. El paquete del pedido {ref} se retrasó en el almacén; ya está de nuevo en camino y llegará en dos días laborables.",
                            "Quiere recibir el pedido {ref} antes del fin de semana"),
                            topic(
                            "en", "Return: {item}",
                            "The {item} from order {ref} did not turn out as I expected. How do I send it back and get a refund?",
                            "Sorry it did not work out. We have e-mailed you a prepaid return label for order {ref}; the refund follows within five days of the item arriving.",
                            "Refund for the returned {item} (order {ref})",
                            "zh", "{item}退货",
                            "订单 {ref} 里的{item}和预期不太一样，请问怎么退货退款？",
                            "很抱歉给您带来不便。我们已将订单 {ref} 的预付退货标签发到您的邮箱，商品寄回后五天内退款。",
                            "退回的{item}退款（订单 {ref}）",
                            "de", "Rücksendung: {item}",
                            "Der Artikel „{item}“ aus Bestellung {ref} ist leider nicht, was ich erwartet habe. Wie schicke ich ihn zurück und bekomme mein Geld wieder?",
                            "Schade, dass es nicht passt. Wir haben Ihnen ein frankiertes Rücksendeetikett für Bestellung {ref} gemailt; die Erstattung folgt binnen fünf Tagen nach Eingang.",
                            "Erstattung für „{item}“ (Bestellung {ref})",
                            "es", "Devolución: {item}",
                            "El artículo «{item}» del pedido {ref} no es lo que esperaba. ¿Cómo lo devuelvo y recupero el dinero?",
                            "Sentimos que no te haya convencido. Te hemos enviado una etiqueta de devolución prepagada para el pedido {ref}; el reembolso llega en cinco días desde que recibamos el artículo.",
                            "Reembolso de «{item}» (pedido {ref})"),
                            topic(
                            "en", "Invoice with VAT number for {ref}",
                            "Could you reissue the invoice for order {ref} with our company name and VAT number? Our accounts team needs it this month.",
                            "Done: the corrected invoice for order {ref} is attached. Let us know if anything else is missing.",
                            "Corrected invoice for order {ref}",
                            "zh", "订单 {ref} 需要开增值税发票",
                            "请帮忙为订单 {ref} 重新开具带公司名称和税号的发票，财务这个月要用。",
                            "已处理：订单 {ref} 的更正发票见附件，如还有其他需要请随时告诉我们。",
                            "订单 {ref} 开具增值税发票",
                            "de", "Rechnung mit USt-IdNr. für {ref}",
                            "Könnten Sie die Rechnung zu Bestellung {ref} mit unserem Firmennamen und der USt-IdNr. neu ausstellen? Die Buchhaltung braucht sie diesen Monat.",
                            "Erledigt: Die korrigierte Rechnung zu Bestellung {ref} hängt an. Melden Sie sich, falls noch etwas fehlt.",
                            "Korrigierte Rechnung für Bestellung {ref}",
                            "es", "Factura con NIF del pedido {ref}",
                            "¿Podéis emitir de nuevo la factura del pedido {ref} con el nombre de la empresa y el NIF? Contabilidad la necesita este mes.",
                            "Hecho: adjuntamos la factura corregida del pedido {ref}. Avísanos si falta algo más.",
                            "Factura corregida del pedido {ref}"))),
            Scenario.TRAVEL, new Business("BK-",
                    List.of(new Item(1800, "Kyoto", "京都", "Kyoto", "Kioto"),
                            new Item(1200, "Lisbon", "里斯本", "Lissabon", "Lisboa"),
                            new Item(2100, "Bali", "巴厘岛", "Bali", "Bali"),
                            new Item(2600, "Iceland", "冰岛", "Island", "Islandia"),
                            new Item(1500, "Cancún", "坎昆", "Cancún", "Cancún"),
                            new Item(3200, "Sydney", "悉尼", "Sydney", "Sídney"),
                            new Item(1300, "Rome", "罗马", "Rom", "Roma"),
                            new Item(1400, "Chengdu", "成都", "Chengdu", "Chengdu")),
                    List.of("travelled", "travelled", "confirmed", "confirmed", "changed", "cancelled"),
                    List.of("frequent-flyer", "family", "business-traveller", "honeymoon", "group", "last-minute"),
                    Map.of("en", "{item}, {n} nights", "zh", "{item}，{n}晚", "de", "{item}, {n} Nächte", "es", "{item}, {n} noches"),
                    List.of(topic(
                            "en", "Change dates for booking {ref}",
                            "We need to move our trip to {item} (booking {ref}) by one week. Is that possible, and what would it cost?",
                            "We can move booking {ref} to the following week; the fare difference is small, and we have sent you the new itinerary to confirm.",
                            "Move the trip to {item} (booking {ref}) by one week",
                            "zh", "修改预订 {ref} 的日期",
                            "我们想把去{item}的行程（预订 {ref}）推迟一周，可以吗？需要多少费用？",
                            "预订 {ref} 可以改到下一周，差价不多，新行程单已发给您，请确认。",
                            "去{item}的行程（预订 {ref}）推迟一周",
                            "de", "Terminänderung Buchung {ref}",
                            "Wir müssen unsere Reise nach {item} (Buchung {ref}) um eine Woche verschieben. Geht das, und was kostet es?",
                            "Buchung {ref} lässt sich auf die Folgewoche legen; der Preisunterschied ist gering. Den neuen Reiseplan haben wir Ihnen zur Bestätigung geschickt.",
                            "Reise nach {item} (Buchung {ref}) um eine Woche verschieben",
                            "es", "Cambio de fechas de la reserva {ref}",
                            "Necesitamos retrasar una semana nuestro viaje a {item} (reserva {ref}). ¿Es posible y cuánto costaría?",
                            "Podemos pasar la reserva {ref} a la semana siguiente; la diferencia de tarifa es pequeña y te hemos enviado el nuevo itinerario para confirmar.",
                            "Retrasar una semana el viaje a {item} (reserva {ref})"),
                            topic(
                            "en", "Visa for {item}",
                            "Do I need a visa for {item}? I travel on booking {ref} and would like to apply in time.",
                            "With your passport you need a visa for {item}. We have attached the checklist and an invitation letter for booking {ref}.",
                            "Visa documents for {item} (booking {ref})",
                            "zh", "去{item}需要签证吗？",
                            "请问去{item}需要办签证吗？我的预订号是 {ref}，想尽早申请。",
                            "根据您的护照，去{item}需要办理签证。附件是材料清单和预订 {ref} 的邀请函。",
                            "{item}签证材料（预订 {ref}）",
                            "de", "Visum für {item}",
                            "Brauche ich für {item} ein Visum? Ich reise mit Buchung {ref} und möchte es rechtzeitig beantragen.",
                            "Mit Ihrem Pass brauchen Sie für {item} ein Visum. Anbei die Checkliste und ein Einladungsschreiben zu Buchung {ref}.",
                            "Visumsunterlagen für {item} (Buchung {ref})",
                            "es", "Visado para {item}",
                            "¿Necesito visado para {item}? Viajo con la reserva {ref} y quiero solicitarlo a tiempo.",
                            "Con tu pasaporte necesitas visado para {item}. Adjuntamos la lista de documentos y una carta de invitación para la reserva {ref}.",
                            "Documentos de visado para {item} (reserva {ref})"),
                            topic(
                            "en", "Seats and room for booking {ref}",
                            "We are travelling to {item} with two children. Can we sit together on the flight and have a family room?",
                            "All set: seats together are reserved, and the hotel has confirmed a family room for booking {ref}.",
                            "Seats together and a family room (booking {ref})",
                            "zh", "预订 {ref} 的座位和房间",
                            "我们带两个孩子去{item}，航班上能坐在一起吗？酒店能安排家庭房吗？",
                            "已安排好：预订 {ref} 的座位已选在一起，酒店也确认了家庭房。",
                            "座位相邻并安排家庭房（预订 {ref}）",
                            "de", "Sitzplätze und Zimmer zu Buchung {ref}",
                            "Wir reisen mit zwei Kindern nach {item}. Können wir im Flugzeug zusammensitzen und ein Familienzimmer bekommen?",
                            "Alles erledigt: Die Plätze nebeneinander sind reserviert, und das Hotel hat ein Familienzimmer für Buchung {ref} bestätigt.",
                            "Plätze nebeneinander und Familienzimmer (Buchung {ref})",
                            "es", "Asientos y habitación de la reserva {ref}",
                            "Viajamos a {item} con dos niños. ¿Podemos sentarnos juntos en el vuelo y tener una habitación familiar?",
                            "Todo listo: asientos juntos reservados y el hotel ha confirmado una habitación familiar para la reserva {ref}.",
                            "Asientos juntos y habitación familiar (reserva {ref})"))),
            Scenario.HEALTHCARE, new Business("APT-",
                    List.of(new Item(60, "general consultation", "普通门诊", "Allgemeine Sprechstunde", "consulta general"),
                            new Item(90, "dental check-up", "牙科检查", "Zahnkontrolle", "revisión dental"),
                            new Item(70, "physiotherapy session", "理疗", "Physiotherapie", "sesión de fisioterapia"),
                            new Item(45, "blood test", "血液检查", "Blutuntersuchung", "análisis de sangre"),
                            new Item(80, "eye examination", "眼科检查", "Augenuntersuchung", "revisión oftalmológica"),
                            new Item(35, "vaccination", "疫苗接种", "Impfung", "vacunación")),
                    List.of("completed", "completed", "completed", "scheduled", "no-show", "cancelled"),
                    List.of("new-patient", "chronic-care", "follow-up", "paediatric", "senior", "prefers-female-doctor"),
                    Map.of("en", "{item}", "zh", "{item}", "de", "{item}", "es", "{item}"),
                    List.of(topic(
                            "en", "Reschedule appointment {ref}",
                            "I cannot make my {item} appointment ({ref}) on Thursday. Is there a slot early next week?",
                            "We have moved appointment {ref} to Monday at 9:30. Please arrive ten minutes early.",
                            "New slot for the {item} (appointment {ref})",
                            "zh", "改约 {ref}",
                            "我周四的{item}预约（{ref}）去不了，下周初还有空位吗？",
                            "已将预约 {ref} 改到周一上午 9:30，请提前十分钟到达。",
                            "为{item}重新安排时间（预约 {ref}）",
                            "de", "Termin {ref} verschieben",
                            "Ich kann meinen Termin am Donnerstag ({item}, {ref}) nicht wahrnehmen. Ist Anfang nächster Woche noch etwas frei?",
                            "Wir haben Termin {ref} auf Montag, 9:30 Uhr, verlegt. Bitte kommen Sie zehn Minuten früher.",
                            "Neuer Termin: {item} ({ref})",
                            "es", "Cambiar la cita {ref}",
                            "No puedo ir el jueves a mi cita ({item}, {ref}). ¿Hay hueco a principios de la próxima semana?",
                            "Hemos pasado la cita {ref} al lunes a las 9:30. Por favor, llega diez minutos antes.",
                            "Nueva hora: {item} (cita {ref})"),
                            topic(
                            "en", "Repeat prescription",
                            "My medication runs out next week. Could the doctor renew the prescription from my last visit ({ref})?",
                            "The doctor has renewed your prescription; you can collect it at reception from tomorrow.",
                            "Repeat prescription after visit {ref}",
                            "zh", "续开处方",
                            "我的药下周就吃完了，能请医生按上次就诊（{ref}）续开处方吗？",
                            "医生已为您续开处方，明天起可到前台领取。",
                            "就诊 {ref} 后续开处方",
                            "de", "Folgerezept",
                            "Meine Medikamente reichen nur noch bis nächste Woche. Kann die Ärztin das Rezept vom letzten Besuch ({ref}) verlängern?",
                            "Die Ärztin hat Ihr Rezept verlängert; Sie können es ab morgen am Empfang abholen.",
                            "Folgerezept nach Besuch {ref}",
                            "es", "Renovar receta",
                            "Se me acaba la medicación la semana que viene. ¿Puede el médico renovar la receta de mi última visita ({ref})?",
                            "El médico ha renovado tu receta; puedes recogerla en recepción a partir de mañana.",
                            "Renovar receta tras la visita {ref}"),
                            topic(
                            "en", "Insurance claim: {item}",
                            "My insurer asks for an itemised invoice for the {item} ({ref}). Can you send one?",
                            "We have sent the itemised invoice for {ref} to you and directly to your insurer.",
                            "Itemised invoice for the insurer ({ref})",
                            "zh", "{item}的保险报销",
                            "保险公司要求提供{item}（{ref}）的费用明细发票，能发我一份吗？",
                            "{ref} 的费用明细发票已发送给您和您的保险公司。",
                            "为保险公司提供费用明细（{ref}）",
                            "de", "Versicherung: {item}",
                            "Meine Versicherung verlangt eine detaillierte Rechnung für die Behandlung ({item}, {ref}). Können Sie mir eine schicken?",
                            "Wir haben die detaillierte Rechnung zu {ref} an Sie und direkt an Ihre Versicherung geschickt.",
                            "Detaillierte Rechnung für die Versicherung ({ref})",
                            "es", "Seguro: {item}",
                            "Mi aseguradora pide una factura detallada ({item}, {ref}). ¿Me la podéis enviar?",
                            "Hemos enviado la factura detallada de {ref} a ti y directamente a tu aseguradora.",
                            "Factura detallada para la aseguradora ({ref})"))));

    /** Per language: reply prefix, phone-call prefix, phone-call body, note prefix, two note bodies. */
    public static final Map<String, String[]> CHANNEL_TEXTS = Map.of(
            "en", new String[] { "Re: ", "Call: ",
                    "Called the customer back and went through the details; they are happy with the next steps.",
                    "Note: ", "Prefers e-mail to phone calls. Follow up if nothing happens within a week.",
                    "Long-standing customer; be generous with goodwill gestures." },
            "zh", new String[] { "回复：", "电话：", "已回电客户并说明细节，客户对后续安排表示满意。", "备注：",
                    "客户更喜欢邮件联系。一周内没有进展请跟进。", "老客户，可适当给予补偿。" },
            "de", new String[] { "AW: ", "Anruf: ",
                    "Rückruf erledigt, Einzelheiten besprochen; mit dem weiteren Vorgehen einverstanden.", "Notiz: ",
                    "Bevorzugt E-Mail statt Telefon. Nachhaken, falls sich binnen einer Woche nichts tut.",
                    "Langjährige Kundschaft; bei Kulanz großzügig sein." },
            "es", new String[] { "RE: ", "Llamada: ",
                    "Devolví la llamada y repasamos los detalles; está conforme con los siguientes pasos.", "Nota: ",
                    "Prefiere el correo al teléfono. Hacer seguimiento si no hay novedades en una semana.",
                    "Cliente de muchos años; ser generosos con los gestos de buena voluntad." });

    public static final int REPLY = 0;
    public static final int CALL = 1;
    public static final int CALL_BODY = 2;
    public static final int NOTE = 3;
    public static final int NOTE_BODY = 4;

    private static List<String[]> cities(String... entries) {
        return Arrays.stream(entries).map(e -> e.split(":", -1)).toList();
    }

    private static Topic topic(String... values) {
        // language, then the four texts, repeated for every language
        Map<String, String[]> texts = new HashMap<>();
        for (int i = 0; i < values.length; i += 5) {
            texts.put(values[i], Arrays.copyOfRange(values, i + 1, i + 5));
        }
        if (!texts.keySet().containsAll(LANGUAGES)) {
            throw new IllegalStateException("topic without every language: " + texts.keySet());
        }
        return new Topic(Map.copyOf(texts));
    }

    private Vocabulary() {
    }
}
