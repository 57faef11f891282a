package io.switchboard.customers.services.internal;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns an import recognises, by the names people give them in a header: {@code E-Mail}, {@code Email
 * Address}, {@code Phone Number}, {@code Mobile}, Chinese headers such as {@code 电子邮件} or {@code 手机}. A header
 * is compared by its {@link #key}, so case, spaces and punctuation do not matter; a header that is none of these
 * becomes a custom field.
 */
enum ImportColumns {
    NAME("name", "full name", "customer name", "customer", "contact name", "姓名", "名字", "名称", "客户", "客户名称",
            "客户姓名", "联系人"),
    EMAIL("email", "email address", "mail", "电子邮件", "电子邮箱", "电子邮件地址", "邮箱", "邮箱地址",
            "邮件", "电邮"),
    PHONE("phone", "phone number", "phone no", "mobile", "mobile phone", "mobile number", "mobile no", "cell",
            "cell phone", "tel", "telephone", "telephone number", "电话", "电话号码", "手机", "手机号",
            "手机号码", "联系电话", "移动电话"),
    COUNTRY("country", "country region", "nation", "国家", "国家地区", "国家或地区"),
    CITY("city", "town", "城市"),
    COMPANY("company", "company name", "organisation", "organization", "employer", "公司", "公司名称", "单位",
            "企业", "机构"),
    LANGUAGE("language", "preferred language", "语言", "首选语言");

    private static final Map<String, ImportColumns> BY_KEY = new HashMap<>();

    static {
        for (ImportColumns column : values()) {
            for (String name : column.names) {
                if (BY_KEY.put(key(name), column) != null) {
                    throw new IllegalStateException("two columns are called " + name);
                }
            }
        }
    }

    private final List<String> names;

    ImportColumns(String... names) {
        this.names = List.of(names);
    }

    /** The column a header names, or {@code null} for a custom field. */
    static ImportColumns of(String header) {
        return BY_KEY.get(key(header));
    }

    /**
     * What two headers must share to be the same column: the letters and digits, in lower case, full-width forms
     * folded ({@code Ｅｍａｉｌ} is {@code email}).
     */
    static String key(String header) {
        String folded = Normalizer.normalize(header, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return key.toString();
    }
}
